package com.dealerradar.analytics.rebuild.application;

import com.dealerradar.analytics.generation.application.GenerationRegistry;
import com.dealerradar.analytics.generation.application.ReadModelStores;
import com.dealerradar.analytics.generation.application.ReadModels;
import com.dealerradar.analytics.generation.domain.GenerationState;
import com.dealerradar.analytics.rebuild.domain.RebuildStatus;
import com.dealerradar.platform.kafka.TopicNames;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilds the read model from the topics into a new generation, in the background ({@link RebuildRun}),
 * and reports how far it is. Only ADMIN may; while a rebuild holds the lease on the generation document
 * (any instance's, until it switches) or this instance still runs one (its catch-up after the switch), another
 * is refused (409). Marketing spend and the model catalogue are not derived
 * from the topics alone: they belong to no generation and stay.
 */
@Service
public class RebuildReadModel {

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

    private final ReadModels models;
    private final GenerationRegistry registry;
    private final ReadModelStores stores;
    private final TopicReplay replay;
    private final TopicNames topics;
    private final RebuildStatuses statuses;
    private final Clock clock;
    private final RebuildRun.Settings settings;
    private final AtomicReference<RebuildStatus> lastHere = new AtomicReference<>();
    private final AtomicBoolean runningHere = new AtomicBoolean();

    /**
     * @param lease         a rebuild whose heartbeat is older is taken to have stopped (its instance died)
     * @param refresh       how often instances read the generation document; twice that lets a switch reach them all
     */
    public RebuildReadModel(ReadModels models, GenerationRegistry registry, ReadModelStores stores, TopicReplay replay,
            TopicNames topics, RebuildStatuses statuses, Clock clock,
            @Value("${radar.analytics.rebuild.lease:60s}") Duration lease,
            @Value("${radar.analytics.generation-refresh:1s}") Duration refresh) {
        this.models = models;
        this.registry = registry;
        this.stores = stores;
        this.replay = replay;
        this.topics = topics;
        this.statuses = statuses;
        this.clock = clock;
        this.settings = new RebuildRun.Settings(lease, refresh.multipliedBy(2), STEP_TIMEOUT);
    }

    /** Starts a rebuild and answers its status at once (RUNNING). */
    public Mono<RebuildStatus> start(Caller caller) {
        return Mono.fromCallable(() -> {
            requireAdmin(caller);
            if (!runningHere.compareAndSet(false, true)) {
                throw ApiProblem.conflict("a rebuild is already running");
            }
            try {
                return begin();
            } catch (RuntimeException e) {
                runningHere.set(false);
                throw e;
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private RebuildStatus begin() {
        Instant now = clock.instant();
        String generation = "g" + UUID.randomUUID().toString().substring(0, 8);
        GenerationState state = registry.read().block(STEP_TIMEOUT);
        if (state.rebuilding(now, settings.lease())) {
            throw ApiProblem.conflict("a rebuild is already running");
        }
        GenerationState next = state.startBuilding(generation, now, settings.lease());
        if (!Boolean.TRUE.equals(registry.replace(next).block(STEP_TIMEOUT))) {
            throw ApiProblem.conflict("a rebuild is already running");
        }
        RebuildStatus started = RebuildStatus.started(generation, now);
        try {
            statuses.save(started).block(STEP_TIMEOUT);
        } catch (RuntimeException e) {
            // Nothing was built yet: give the lease back rather than let it block rebuilds until it expires.
            registry.replace(next.abandon(generation)).onErrorReturn(false).block(STEP_TIMEOUT);
            throw e;
        }
        models.follow(next);
        lastHere.set(started);
        RebuildRun run = new RebuildRun(started, next.active(), state.abandonedBuild(now, settings.lease()), models,
                registry, stores, replay, topics.all(), topics.directory(), statuses, lastHere::set, clock, settings);
        Schedulers.boundedElastic().schedule(() -> {
            try {
                run.run();
            } finally {
                runningHere.set(false);
            }
        });
        return started;
    }

    /** The status of rebuild {@code id}, whichever instance runs it; empty when unknown. */
    public Mono<RebuildStatus> status(Caller caller, String id) {
        return Mono.defer(() -> {
            requireAdmin(caller);
            return statuses.find(id);
        });
    }

    /** The status of the latest rebuild; empty when there was none. */
    public Mono<RebuildStatus> latest(Caller caller) {
        return Mono.defer(() -> {
            requireAdmin(caller);
            return statuses.latest();
        });
    }

    /** The latest rebuild this instance ran, as it stands now (for metrics). */
    public Optional<RebuildStatus> lastHere() {
        return Optional.ofNullable(lastHere.get());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiProblem.forbidden("only ADMIN may rebuild the read model");
        }
    }
}
