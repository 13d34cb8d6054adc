package com.dealerradar.analytics.rebuild.application;

import com.dealerradar.analytics.generation.application.GenerationRegistry;
import com.dealerradar.analytics.generation.application.ReadModel;
import com.dealerradar.analytics.generation.application.ReadModelStores;
import com.dealerradar.analytics.generation.application.ReadModels;
import com.dealerradar.analytics.generation.domain.GenerationState;
import com.dealerradar.analytics.rebuild.domain.RebuildStatus;
import com.dealerradar.events.EventEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebuild, in the background, into the generation named by its id, while the active generation
 * goes on serving and taking the live events (which the listeners also apply to this generation).
 * <ol>
 * <li>Replays every topic from its beginning to the end it had at the start, then again to the end it
 * has now, until a round finds at most {@link #CAUGHT_UP} new events (or after {@link #MAX_ROUNDS} rounds):
 * the generation has caught up.</li>
 * <li>Flushes its cells and switches: one write of the generation document. This instance serves the
 * new generation at once, the others within {@code radar.analytics.generation-refresh}.</li>
 * <li>After {@code switchDelay} (twice that refresh, so every instance has switched), replays once more
 * to the topics' end: an event another instance applied to the old generation only, before it
 * learnt of the switch, is in the topics before that end. Every later event is applied live to the new
 * generation. Then drops the old generation.</li>
 * </ol>
 * A failure before the switch leaves the active generation as it was: the state document goes back to
 * no rebuild, and the new generation is dropped.
 */
final class RebuildRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);
    private static final long CAUGHT_UP = 100;
    /**
     * Bounded, so that a rebuild ends even when the events arrive faster than it replays them: what the
     * rounds leave is applied live (every instance feeds the new generation once it has read the
     * document) or by the last replay after the switch; the rounds only make the switch smooth.
     */
    private static final int MAX_ROUNDS = 3;
    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);

    record Settings(Duration lease, Duration switchDelay, Duration stepTimeout) {}

    private final String generation;
    private final String previous;
    private final String abandoned;
    private final ReadModels models;
    private final GenerationRegistry registry;
    private final ReadModelStores stores;
    private final TopicReplay replay;
    private final List<String> topics;
    private final String directoryTopic;
    private final RebuildStatuses statuses;
    private final Consumer<RebuildStatus> onChange;
    private final Clock clock;
    private final Settings settings;
    private RebuildStatus status;
    private Instant lastBeat;
    private Instant lastSave;
    /** Once switched, the generation serves: there is no lease to keep, and no way back. */
    private boolean switched;

    /**
     * @param abandoned a generation a stopped rebuild left, dropped first; null when none
     * @param onChange  told of every change of the status (this instance's view, for metrics)
     */
    RebuildRun(RebuildStatus status, String previous, String abandoned, ReadModels models, GenerationRegistry registry,
            ReadModelStores stores, TopicReplay replay, List<String> topics, String directoryTopic,
            RebuildStatuses statuses, Consumer<RebuildStatus> onChange, Clock clock, Settings settings) {
        this.status = status;
        this.generation = status.id();
        this.previous = previous;
        this.abandoned = abandoned;
        this.models = models;
        this.registry = registry;
        this.stores = stores;
        this.replay = replay;
        this.topics = topics;
        this.directoryTopic = directoryTopic;
        this.statuses = statuses;
        this.onChange = onChange;
        this.clock = clock;
        this.settings = settings;
        this.lastBeat = clock.instant();
        this.lastSave = clock.instant();
    }

    @Override
    public void run() {
        try (TopicReplay.Reading reading = replay.open(topics)) {
            dropQuietly(abandoned);
            ReadModel target = models.building().filter(m -> m.generation().equals(generation))
                    .orElseThrow(() -> new IllegalStateException("generation " + generation + " is not being built here"));
            long read = reading.readToEnd((topic, event) -> apply(target, topic, event), this::progressed);
            for (int round = 1; round < MAX_ROUNDS && read > CAUGHT_UP; round++) {
                read = reading.readToEnd((topic, event) -> apply(target, topic, event), this::progressed);
            }
            target.flushAll(settings.stepTimeout());
            change(registry(state -> state.switchTo(generation)));
            switched = true;
            log.info("read model generation {} caught up and serves; catching up what other instances applied late", generation);
            pause(settings.switchDelay());
            reading.readToEnd((topic, event) -> apply(target, topic, event), this::progressed);
            target.flushAll(settings.stepTimeout());
            stores.drop(previous).block(settings.stepTimeout());
            update(s -> s.switched(clock.instant()));
            log.info("read model rebuilt into generation {}: {} events, {} skipped", generation, status.events(), status.skipped());
        } catch (RuntimeException e) {
            String reason = reasonOf(e);
            if (switched) {
                log.error("rebuild {} switched, but its catch-up after the switch failed: {}", generation, reason, e);
                update(s -> s.switchedWithError(clock.instant(), "catch-up after the switch failed: " + reason));
            } else {
                log.error("rebuild {} failed; generation {} keeps serving: {}", generation, previous, reason, e);
                abandon();
                update(s -> s.failed(clock.instant(), reason));
            }
        }
    }

    private void apply(ReadModel target, String topic, EventEnvelope event) {
        (topic.equals(directoryTopic) ? target.applyDirectory(event) : target.applyLeadEvent(event))
                .block(settings.stepTimeout());
    }

    /** After each batch: keeps the status, and until the switch the lease, which a rebuild that lost it stops on. */
    private void progressed(TopicReplay.Progress progress) {
        status = status.progressed(progress.events(), progress.skipped(), progress.topics());
        onChange.accept(status);
        Instant now = clock.instant();
        if (!switched && Duration.between(lastBeat, now).compareTo(settings.lease().dividedBy(4)) >= 0) {
            change(registry(state -> state.heartbeat(generation, now)));
            lastBeat = now;
        }
        if (Duration.between(lastSave, now).compareTo(SAVE_EVERY) >= 0) {
            statuses.save(status).block(settings.stepTimeout());
            lastSave = now;
        }
    }

    /** Writes the next state at the version read; a state that moved on (another rebuild took over) stops this one. */
    private GenerationState registry(UnaryOperator<GenerationState> next) {
        GenerationState state = registry.read().block(settings.stepTimeout());
        GenerationState written = next.apply(state);
        if (!Boolean.TRUE.equals(registry.replace(written).block(settings.stepTimeout()))) {
            throw new IllegalStateException("the read model's generation changed meanwhile (another rebuild took over)");
        }
        return written;
    }

    private void change(GenerationState written) {
        models.follow(written);
    }

    /** Back to no rebuild, then the generation dropped once no instance feeds it any more; a lease left behind expires. */
    private void abandon() {
        try {
            GenerationState state = registry.read().block(settings.stepTimeout());
            if (state.isBuilding(generation)) {
                GenerationState next = state.abandon(generation);
                if (Boolean.TRUE.equals(registry.replace(next).block(settings.stepTimeout()))) {
                    models.follow(next);
                }
            }
            pause(settings.switchDelay());
        } catch (RuntimeException e) {
            log.warn("could not release rebuild {}; its lease expires in {}: {}", generation, settings.lease(), e.toString());
        }
        dropQuietly(generation);
    }

    private void dropQuietly(String dropped) {
        if (dropped == null) {
            return;
        }
        try {
            stores.drop(dropped).block(settings.stepTimeout());
        } catch (RuntimeException e) {
            log.warn("could not drop the collections of generation {}: {}", dropped, e.toString());
        }
    }

    private void update(UnaryOperator<RebuildStatus> next) {
        status = next.apply(status);
        onChange.accept(status);
        try {
            statuses.save(status).block(settings.stepTimeout());
        } catch (RuntimeException e) {
            log.warn("could not store the status of rebuild {}: {}", generation, e.toString());
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String reasonOf(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
