package com.dealerradar.followupservice.leadview.adapter.mongo;

import com.dealerradar.followupservice.leadview.application.LeadLists;
import com.dealerradar.followupservice.leadview.domain.TrackedLead;
import com.dealerradar.platform.security.ReadScope;
import com.dealerradar.platform.worklist.WorkListIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lead lists as {@link WorkListIndex} lists in {@code due_lists} and {@code at_risk_lists}: one
 * per dealer ({@code D:}), region ({@code R:}) and the group ({@code G}). An entry is stale when its
 * lead no longer matches it.
 */
@Component
public class LeadListStore implements LeadLists {

    private final WorkListIndex due;
    private final WorkListIndex atRisk;
    private final TrackedLeadStore leads;

    public LeadListStore(ReactiveMongoTemplate mongo, TrackedLeadStore leads) {
        this.due = new WorkListIndex(mongo, "due_lists");
        this.atRisk = new WorkListIndex(mongo, "at_risk_lists");
        this.leads = leads;
    }

    @Override
    public Mono<Void> enter(TrackedLead before, TrackedLead after, Instant now) {
        Mono<Void> dueLists = inDue(after) && (!inDue(before) || movedDue(before, after))
                ? each(after, list -> due.put(list, after.leadId(), after.plan().dueAt())) : Mono.empty();
        Mono<Void> atRiskLists = inAtRisk(after, now) && (!inAtRisk(before, now) || movedDue(before, after))
                ? each(after, list -> atRisk.put(list, after.leadId(), after.plan().dueAt())) : Mono.empty();
        return Mono.when(dueLists, atRiskLists);
    }

    @Override
    public Mono<Void> leave(TrackedLead before, TrackedLead after, Instant now) {
        Mono<Void> dueLists = inDue(before) && (!inDue(after) || movedDue(before, after))
                ? each(before, list -> due.remove(list, before.leadId(), before.plan().dueAt())) : Mono.empty();
        Mono<Void> atRiskLists = inAtRisk(before, now) && (!inAtRisk(after, now) || movedDue(before, after))
                ? each(before, list -> atRisk.remove(list, before.leadId(), before.plan().dueAt())) : Mono.empty();
        return Mono.when(dueLists, atRiskLists);
    }

    @Override
    public Mono<Void> lookedAt(TrackedLead lead, Instant now) {
        return inAtRisk(lead, now) ? each(lead, list -> atRisk.put(list, lead.leadId(), lead.plan().dueAt()))
                : Mono.empty();
    }

    @Override
    public Mono<Found> due(ReadScope scope, Instant until, long skip, int limit) {
        String list = listOf(scope);
        return Mono.zip(due.page(list, until, skip, limit), due.count(list, until))
                .flatMap(found -> current(due, list, found.getT1(), lead -> true)
                        .map(current -> new Found(current, found.getT2())));
    }

    @Override
    public Mono<Found> atRisk(ReadScope scope, Instant now, long skip, int limit) {
        String list = listOf(scope);
        return Mono.zip(atRisk.page(list, WorkListIndex.END_OF_TIME, skip, limit),
                        atRisk.count(list, WorkListIndex.END_OF_TIME))
                .flatMap(found -> current(atRisk, list, found.getT1(), lead -> inAtRisk(lead, now))
                        .map(current -> new Found(current, found.getT2())));
    }

    // The leads of the entries as they stand. An entry whose lead is gone, closed or due at another
    // time is stale and removed; one whose lead is not at risk yet by this instance's clock (another
    // instance's clock may run a little ahead) is only left out of this answer.
    private Mono<List<TrackedLead>> current(WorkListIndex index, String list, List<WorkListIndex.Entry> entries,
            Predicate<TrackedLead> shown) {
        if (entries.isEmpty()) {
            return Mono.just(List.of());
        }
        return leads.findAll(entries.stream().map(WorkListIndex.Entry::id).distinct().toList())
                .collectMap(TrackedLead::leadId, Function.identity())
                .flatMap(byId -> {
                    List<TrackedLead> current = new ArrayList<>();
                    List<WorkListIndex.Entry> stale = new ArrayList<>();
                    for (WorkListIndex.Entry entry : entries) {
                        TrackedLead lead = byId.get(entry.id());
                        if (!matches(lead, entry)) {
                            stale.add(entry);
                        } else if (shown.test(lead)) {
                            current.add(lead);
                        }
                    }
                    return Flux.fromIterable(stale)
                            .concatMap(entry -> index.removeStale(list, entry, leads.find(entry.id())
                                    .map(lead -> matches(lead, entry)).defaultIfEmpty(false)))
                            .then(Mono.just(current));
                });
    }

    private static boolean matches(TrackedLead lead, WorkListIndex.Entry entry) {
        return inDue(lead) && lead.plan().dueAt().equals(entry.at());
    }

    private static boolean inDue(TrackedLead lead) {
        return lead != null && lead.isOpen();
    }

    private static boolean inAtRisk(TrackedLead lead, Instant now) {
        return lead != null && !lead.atRiskReasons(now).isEmpty();
    }

    private static boolean movedDue(TrackedLead before, TrackedLead after) {
        return !before.plan().dueAt().equals(after.plan().dueAt());
    }

    /** Writes to the lead's lists side by side: each write is atomic on its own, and none waits for another. */
    private static Mono<Void> each(TrackedLead lead, Function<String, Mono<Void>> write) {
        List<String> lists = new ArrayList<>(List.of("D:" + lead.dealerId(), "G"));
        if (lead.region() != null) {
            lists.add("R:" + lead.region());
        }
        return Flux.fromIterable(lists).flatMap(write).then();
    }

    private static String listOf(ReadScope scope) {
        if (scope.dealerId() != null) {
            return "D:" + scope.dealerId();
        }
        return scope.region() != null ? "R:" + scope.region() : "G";
    }
}
