package com.dealerradar.defeatservice.defeat.adapter.mongo;

import com.dealerradar.defeatservice.defeat.application.DefeatList;
import com.dealerradar.defeatservice.defeat.application.DefeatLists;
import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.DefeatState;
import com.dealerradar.platform.worklist.WorkListIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lists of defeats as work lists, per dealer ({@code D:<dealerId>}), region ({@code R:<region>}) and group
 * ({@code G}), read by key ({@link WorkListIndex}):
 * <ul>
 * <li>{@code callbacks_due}: the defeats waiting for their callback, by {@code callbackDueAt};</li>
 * <li>{@code defeats_by_time}: every defeat by {@code occurredAt}, in a list of all states
 * ({@code <scope>|ALL}) and one of its current state ({@code <scope>|<state>}).</li>
 * </ul>
 * A defeat is put where it belongs before its document is written and taken out of where it no
 * longer belongs after, so a list never misses one; an entry left stale (an opening that failed, a
 * crash in between) is recognised when read and removed.
 */
@Component
class DefeatListIndex implements DefeatLists {

    private static final String MIGRATED = "migrated";
    private static final String ALL_STATES = "ALL";

    private final ReactiveMongoTemplate mongo;
    private final WorkListIndex callbacks;
    private final WorkListIndex byTime;
    private final DefeatStore defeats;

    DefeatListIndex(ReactiveMongoTemplate mongo, DefeatStore defeats) {
        this.mongo = mongo;
        this.callbacks = new WorkListIndex(mongo, "callbacks_due");
        this.byTime = new WorkListIndex(mongo, "defeats_by_time");
        this.defeats = defeats;
    }

    @Override
    public Mono<Void> opening(Defeat defeat) {
        Mono<Void> waiting = defeat.state() == DefeatState.PENDING_CALLBACK
                ? each(defeat, scope -> callbacks.put(scope, defeat.defeatId(), callbackDueAt(defeat)))
                : Mono.empty();
        return Mono.when(waiting,
                each(defeat, scope -> byTime.put(scope + "|" + ALL_STATES, defeat.defeatId(), occurredAt(defeat))),
                each(defeat, scope -> byTime.put(stateList(scope, defeat.state()), defeat.defeatId(),
                        occurredAt(defeat))));
    }

    @Override
    public Mono<Void> opened(Defeat defeat) {
        return opening(defeat);
    }

    @Override
    public Mono<Void> changing(Defeat before, Defeat after) {
        return before.state() == after.state() ? Mono.empty()
                : each(after, scope -> byTime.put(stateList(scope, after.state()), after.defeatId(), occurredAt(after)));
    }

    @Override
    public Mono<Void> changed(Defeat before, Defeat after) {
        if (before.state() == after.state()) {
            return Mono.empty();
        }
        Mono<Void> settled = after.state() != DefeatState.PENDING_CALLBACK
                ? each(before, scope -> callbacks.remove(scope, before.defeatId(), callbackDueAt(before)))
                : Mono.empty();
        return Mono.when(changing(before, after), settled,
                each(before, scope -> byTime.remove(stateList(scope, before.state()), before.defeatId(),
                        occurredAt(before))));
    }

    @Override
    public Mono<Found> callbacksDue(DefeatList list, long skip, int limit) {
        String scope = key(list);
        Instant end = WorkListIndex.END_OF_TIME;
        return Mono.zip(callbacks.page(scope, end, skip, limit), callbacks.count(scope, end))
                .flatMap(found -> current(callbacks, scope, found.getT1(),
                        defeat -> defeat.state() == DefeatState.PENDING_CALLBACK, DefeatListIndex::callbackDueAt)
                        .map(current -> new Found(current, found.getT2())));
    }

    @Override
    public Mono<Found> reported(DefeatList list, DefeatState state, Instant from, Instant until, long skip, int limit) {
        String scope = key(list);
        String timeList = state == null ? scope + "|" + ALL_STATES : stateList(scope, state);
        Instant first = from == null ? WorkListIndex.BEGINNING_OF_TIME : from;
        Instant last = until == null ? WorkListIndex.END_OF_TIME : until;
        return Mono.zip(byTime.page(timeList, first, last, true, skip, limit), byTime.count(timeList, first, last))
                .flatMap(found -> current(byTime, timeList, found.getT1(),
                        defeat -> state == null || defeat.state() == state, DefeatListIndex::occurredAt)
                        .map(current -> new Found(current, found.getT2())));
    }

    private static String key(DefeatList list) {
        if (list.dealerId() != null) {
            return dealerList(list.dealerId());
        }
        return list.region() != null ? regionList(list.region()) : groupList();
    }

    private static String dealerList(String dealerId) {
        return "D:" + dealerId;
    }

    private static String regionList(String region) {
        return "R:" + region;
    }

    private static String groupList() {
        return "G";
    }

    /**
     * Defeats stored before these lists existed join them once, on the first start that finds the
     * lists unmarked (a scan of the defeats; instances starting together just repeat it).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void migrate() {
        mongo.findById(MIGRATED, Document.class, "defeats_by_time")
                .switchIfEmpty(Mono.defer(() -> defeats.find(new Criteria())
                        .concatMap(this::opening)
                        .then(mongo.insert(new Document("_id", MIGRATED), "defeats_by_time"))
                        .onErrorResume(DuplicateKeyException.class, migratedElsewhere -> Mono.empty())))
                .block();
    }

    private Mono<List<Defeat>> current(WorkListIndex index, String list, List<WorkListIndex.Entry> entries,
            Predicate<Defeat> belongs, Function<Defeat, Instant> placedAt) {
        if (entries.isEmpty()) {
            return Mono.just(List.of());
        }
        return defeats.findAll(entries.stream().map(WorkListIndex.Entry::id).distinct().toList())
                .collectMap(Defeat::defeatId, Function.identity())
                .flatMap(byId -> {
                    List<Defeat> current = new ArrayList<>();
                    List<WorkListIndex.Entry> stale = new ArrayList<>();
                    for (WorkListIndex.Entry entry : entries) {
                        Defeat defeat = byId.get(entry.id());
                        if (defeat != null && belongs.test(defeat) && placedAt.apply(defeat).equals(entry.at())) {
                            current.add(defeat);
                        } else {
                            stale.add(entry);
                        }
                    }
                    return Flux.fromIterable(stale)
                            .concatMap(entry -> index.removeStale(list, entry, defeats.find(entry.id())
                                    .map(defeat -> belongs.test(defeat) && placedAt.apply(defeat).equals(entry.at()))
                                    .defaultIfEmpty(false)))
                            .then(Mono.just(current));
                });
    }

    private static String stateList(String scope, DefeatState state) {
        return scope + "|" + state.name();
    }

    private static Instant callbackDueAt(Defeat defeat) {
        return defeat.callbackDueAt().toInstant();
    }

    private static Instant occurredAt(Defeat defeat) {
        return defeat.occurredAt().toInstant();
    }

    private static Mono<Void> each(Defeat defeat, Function<String, Mono<Void>> write) {
        List<String> scopes = new ArrayList<>(List.of(dealerList(defeat.dealerId()), groupList()));
        if (defeat.region() != null) {
            scopes.add(regionList(defeat.region()));
        }
        // side by side: each list write is atomic on its own, and none waits for another
        return Flux.fromIterable(scopes).flatMap(write).then();
    }
}
