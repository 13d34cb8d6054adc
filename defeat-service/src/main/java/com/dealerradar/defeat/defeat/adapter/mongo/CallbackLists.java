package com.dealerradar.defeat.defeat.adapter.mongo;

import com.dealerradar.defeat.defeat.domain.Defeat;
import com.dealerradar.defeat.defeat.domain.DefeatState;
import com.dealerradar.platform.worklist.WorkListIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The defeats waiting for their callback, per dealer ({@code D:<dealerId>}), region ({@code R:<region>})
 * and group ({@code G}), ordered by when the callback is due and read by key ({@link WorkListIndex},
 * collection {@code callbacks_due}).
 * <p>
 * A defeat is put in before its document is inserted and taken out after it was settled, so a list
 * never misses one; an entry left stale (an opening that failed, a crash after settling) is found out
 * when read and removed.
 */
@Component
public class CallbackLists {

    static final String COLLECTION = "callbacks_due";
    private static final String MIGRATED = "migrated";

    private final ReactiveMongoTemplate mongo;
    private final WorkListIndex due;
    private final DefeatStore defeats;

    public CallbackLists(ReactiveMongoTemplate mongo, DefeatStore defeats) {
        this.mongo = mongo;
        this.due = new WorkListIndex(mongo, COLLECTION);
        this.defeats = defeats;
    }

    /** A page of defeats and the total of the list. */
    public record Found(List<Defeat> defeats, long total) {}

    public Mono<Void> waiting(Defeat defeat) {
        return defeat.state() == DefeatState.PENDING_CALLBACK
                ? each(defeat, list -> due.put(list, defeat.defeatId(), defeat.callbackDueAt().toInstant()))
                : Mono.empty();
    }

    public Mono<Void> settled(Defeat defeat) {
        return each(defeat, list -> due.remove(list, defeat.defeatId(), defeat.callbackDueAt().toInstant()));
    }

    /** The pending callbacks of {@code list}, the longest overdue first. */
    public Mono<Found> page(String list, long skip, int limit) {
        return Mono.zip(due.page(list, WorkListIndex.END_OF_TIME, skip, limit), due.count(list, WorkListIndex.END_OF_TIME))
                .flatMap(found -> current(list, found.getT1()).map(current -> new Found(current, found.getT2())));
    }

    public static String dealerList(String dealerId) {
        return "D:" + dealerId;
    }

    public static String regionList(String region) {
        return "R:" + region;
    }

    public static String groupList() {
        return "G";
    }

    /**
     * Defeats stored before these lists existed are put in once, on the first start that finds the
     * lists unmarked (a scan of the pending defeats; instances starting together just repeat it).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void migrate() {
        mongo.findById(MIGRATED, Document.class, COLLECTION)
                .switchIfEmpty(Mono.defer(() -> defeats.find(Criteria.where("state").is(DefeatState.PENDING_CALLBACK.name()))
                        .concatMap(this::waiting)
                        .then(mongo.insert(new Document("_id", MIGRATED), COLLECTION))
                        .onErrorResume(DuplicateKeyException.class, migratedElsewhere -> Mono.empty())))
                .block();
    }

    private Mono<List<Defeat>> current(String list, List<WorkListIndex.Entry> entries) {
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
                        if (defeat != null && defeat.state() == DefeatState.PENDING_CALLBACK
                                && defeat.callbackDueAt().toInstant().equals(entry.at())) {
                            current.add(defeat);
                        } else {
                            stale.add(entry);
                        }
                    }
                    return Flux.fromIterable(stale).concatMap(entry -> due.remove(list, entry.id(), entry.at()))
                            .then(Mono.just(current));
                });
    }

    private static Mono<Void> each(Defeat defeat, Function<String, Mono<Void>> write) {
        List<String> lists = new ArrayList<>(List.of(dealerList(defeat.dealerId()), groupList()));
        if (defeat.region() != null) {
            lists.add(regionList(defeat.region()));
        }
        return Flux.fromIterable(lists).concatMap(write).then();
    }
}
