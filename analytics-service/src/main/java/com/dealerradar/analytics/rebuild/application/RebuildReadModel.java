package com.dealerradar.analytics.rebuild.application;

import com.dealerradar.analytics.directory.DealerDirectory;
import com.dealerradar.analytics.fact.adapter.mongo.FactStore;
import com.dealerradar.analytics.fact.adapter.mongo.RollupStore;
import com.dealerradar.analytics.fact.application.LeadProjection;
import com.dealerradar.analytics.rebuild.adapter.kafka.TopicReplay;
import com.dealerradar.platform.kafka.TopicNames;
import com.dealerradar.platform.web.ApiProblem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the read model from the topics: stops the live listeners, drops the dealers, facts and
 * rollups, replays every topic from its beginning through the same projection, recomputes every
 * group once at the end, and starts the listeners again. They resume from their committed
 * offsets; what they then apply again was already applied by the replay, which the projection's
 * guards turn into no change. Marketing spend is not derived from the topics and stays.
 */
@Service
public class RebuildReadModel {

    private static final Logger log = LoggerFactory.getLogger(RebuildReadModel.class);
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);

    private final KafkaListenerEndpointRegistry listeners;
    private final TopicReplay replay;
    private final TopicNames topics;
    private final DealerDirectory directory;
    private final FactStore facts;
    private final RollupStore rollups;
    private final LeadProjection projection;
    private final AtomicBoolean running = new AtomicBoolean();

    public RebuildReadModel(KafkaListenerEndpointRegistry listeners, TopicReplay replay, TopicNames topics,
            DealerDirectory directory, FactStore facts, RollupStore rollups, LeadProjection projection) {
        this.listeners = listeners;
        this.replay = replay;
        this.topics = topics;
        this.directory = directory;
        this.facts = facts;
        this.rollups = rollups;
        this.projection = projection;
    }

    public record Report(long events, long skipped, long groups, long millis) {}

    /** Blocks until done; a second call while one runs is refused (409). */
    public Report rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw ApiProblem.conflict("a rebuild is already running");
        }
        long started = System.nanoTime();
        listeners.getListenerContainers().forEach(container -> container.stop());
        try {
            directory.dropAll().then(facts.dropAll()).then(rollups.dropAll()).block(STEP_TIMEOUT);
            TopicReplay.Counts counts = replay.replay(
                    List.of(topics.directory(), topics.leads(), topics.followups(), topics.defeats()),
                    (topic, event) -> {
                        if (topic.equals(topics.directory())) {
                            directory.apply(event).block(STEP_TIMEOUT);
                        } else {
                            projection.apply(event).block(STEP_TIMEOUT);
                        }
                    });
            Long groups = rollups.recomputeAll().block(STEP_TIMEOUT);
            Report report = new Report(counts.events(), counts.skipped(), groups == null ? 0 : groups,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            log.info("read model rebuilt: {}", report);
            return report;
        } finally {
            listeners.getListenerContainers().forEach(container -> container.start());
            running.set(false);
        }
    }
}
