package com.dealerradar.analytics.rebuild.application;

import com.dealerradar.analytics.directory.application.DealerDirectory;
import com.dealerradar.analytics.directory.application.DirectoryProjection;
import com.dealerradar.analytics.fact.application.CellIndex;
import com.dealerradar.analytics.fact.application.CellRefresher;
import com.dealerradar.analytics.fact.application.Cells;
import com.dealerradar.analytics.fact.application.DirtyMarkers;
import com.dealerradar.analytics.fact.application.EventIntake;
import com.dealerradar.analytics.fact.application.Facts;
import com.dealerradar.platform.kafka.TopicNames;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the read model from the topics: stops the live listeners, drops the dealers, facts,
 * cells and their indexes, replays every topic from its beginning through the same intake as the
 * live consumer (which only marks dealer-days dirty), recomputes every dirty cell once at the end,
 * and starts the listeners again. They resume from their committed offsets; what they then apply
 * again was already applied by the replay, which the projection's guards turn into no change.
 * Marketing spend and the model catalogue are not derived from the topics alone and stay.
 */
@Service
public class RebuildReadModel {

    private static final Logger log = LoggerFactory.getLogger(RebuildReadModel.class);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);

    private final LiveConsumers listeners;
    private final TopicReplay replay;
    private final TopicNames topics;
    private final DealerDirectory directory;
    private final DirectoryProjection directoryProjection;
    private final Facts facts;
    private final Cells cells;
    private final CellIndex index;
    private final DirtyMarkers markers;
    private final EventIntake intake;
    private final CellRefresher refresher;
    private final AtomicBoolean running = new AtomicBoolean();

    public RebuildReadModel(LiveConsumers listeners, TopicReplay replay, TopicNames topics,
            DealerDirectory directory, DirectoryProjection directoryProjection, Facts facts, Cells cells,
            CellIndex index, DirtyMarkers markers, EventIntake intake, CellRefresher refresher) {
        this.listeners = listeners;
        this.replay = replay;
        this.topics = topics;
        this.directory = directory;
        this.directoryProjection = directoryProjection;
        this.facts = facts;
        this.cells = cells;
        this.index = index;
        this.markers = markers;
        this.intake = intake;
        this.refresher = refresher;
    }

    public record Report(long events, long skipped, long groups, long millis) {}

    /** ADMIN only; blocks until done; a second call while one runs is refused (409). */
    public Report rebuild(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("only ADMIN may rebuild the read model");
        }
        if (!running.compareAndSet(false, true)) {
            throw ApiProblem.conflict("a rebuild is already running");
        }
        long started = System.nanoTime();
        listeners.stopAll();
        try {
            directory.dropAll().then(facts.dropAll()).then(cells.dropAll()).then(index.dropAll())
                    .then(markers.dropAll()).block(STEP_TIMEOUT);
            refresher.reset();
            TopicReplay.Counts counts = replay.replay(
                    List.of(topics.directory(), topics.leads(), topics.followups(), topics.defeats()),
                    (topic, event) -> {
                        if (topic.equals(topics.directory())) {
                            directoryProjection.apply(event).block(STEP_TIMEOUT);
                        } else {
                            intake.apply(event).block(STEP_TIMEOUT);
                        }
                    });
            // At least once: the flush loop may have taken the last pending dealer-days and still be
            // writing them; a flush waits for the one running, so after it every mark is in the cells.
            long written = 0;
            do {
                Long flushed = refresher.flush().block(STEP_TIMEOUT);
                written += flushed == null ? 0 : flushed;
            } while (refresher.hasPending());
            Report report = new Report(counts.events(), counts.skipped(), written,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            log.info("read model rebuilt: {}", report);
            return report;
        } finally {
            listeners.startAll();
            running.set(false);
        }
    }
}
