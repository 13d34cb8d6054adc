package com.dealerradar.analytics.finding.adapter.mongo;

import com.dealerradar.analytics.finding.application.FindingList;
import com.dealerradar.analytics.finding.application.FindingLists;
import com.dealerradar.analytics.finding.domain.Finding;
import com.dealerradar.analytics.finding.domain.FindingState;
import com.dealerradar.platform.worklist.WorkListIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lists of assigned findings as work lists ({@link WorkListIndex}), per group ({@code G}), region
 * ({@code R:<region>}, a wave in each of its regions) and owner dealer ({@code D:<dealerId>}):
 * <ul>
 * <li>{@value FindingCollections#BY_DUE_DATE}: by due date (the start of that day in the group's time zone), in a list of
 * every state ({@code <scope>|ALL}) and one per state ({@code <scope>|<state>});</li>
 * <li>{@value FindingCollections#BY_FIRST_ASSIGNMENT}: per group and region and state, by the instant of the first
 * assignment, so that the summary of a period is a few counts read by key. Derived from the findings
 * rather than kept as separate counters: a counter missed by a crash after the finding's write would
 * stay wrong, while a list entry is put before the write and again after, and a leftover one is taken
 * out once the finding has moved past its state ({@link #changed}).</li>
 * </ul>
 * Neither is a read-model generation collection ({@link FindingCollections}).
 */
@Component
class FindingListIndex implements FindingLists {

    private static final String ALL_STATES = "ALL";

    private final WorkListIndex byDueDate;
    private final WorkListIndex byFirstAssignment;
    private final FindingStore findings;
    private final ZoneId groupZone;

    FindingListIndex(ReactiveMongoTemplate mongo, FindingStore findings, ZoneId groupZone) {
        this.byDueDate = new WorkListIndex(mongo, FindingCollections.BY_DUE_DATE);
        this.byFirstAssignment = new WorkListIndex(mongo, FindingCollections.BY_FIRST_ASSIGNMENT);
        this.findings = findings;
        this.groupZone = groupZone;
    }

    /** Where a finding is listed: in which index, which list, at which instant. */
    private record Placement(boolean dueDateIndex, String list, String findingId, Instant at) {}

    @Override
    public Mono<Void> changing(Finding before, Finding after) {
        return put(placements(after));
    }

    /**
     * Besides what {@code before} held, the finding leaves the first-assignment lists of every state it
     * can no longer reach: it sits there always at the same instant, so an entry a crash left behind goes
     * once the finding has moved past it, and the summary's counts heal. States it may still reach are
     * left alone, so that a slow writer never takes out what a later one put.
     */
    @Override
    public Mono<Void> changed(Finding before, Finding after) {
        Set<Placement> now = placements(after);
        Set<Placement> left = new LinkedHashSet<>();
        if (before != null) {
            left.addAll(placements(before));
        }
        for (String scope : summaryScopes(after)) {
            for (FindingState state : FindingState.values()) {
                if (!after.state().canReach(state)) {
                    left.add(new Placement(false, scope + "|" + state.name(), after.findingId(),
                            after.firstAssignedAt()));
                }
            }
        }
        left.removeAll(now);
        return put(now)
                .then(Flux.fromIterable(left).concatMap(p -> index(p).remove(p.list(), p.findingId(), p.at())).then());
    }

    @Override
    public Mono<Found> byDueDate(FindingList list, FindingState state, LocalDate dueBefore, long skip, int limit) {
        String key = scope(list) + "|" + (state == null ? ALL_STATES : state.name());
        Instant until = dueBefore == null ? WorkListIndex.END_OF_TIME : startOf(dueBefore).minusMillis(1);
        return Mono.zip(byDueDate.page(key, until, skip, limit), byDueDate.count(key, until))
                .flatMap(found -> current(key, found.getT1()).map(current -> new Found(current, found.getT2())));
    }

    @Override
    public Mono<Map<FindingState, Long>> assignedBetween(String region, LocalDate from, LocalDate to) {
        String scope = region == null ? group() : region(region);
        Instant first = from == null ? WorkListIndex.BEGINNING_OF_TIME : startOf(from);
        Instant last = to == null ? WorkListIndex.END_OF_TIME : startOf(to.plusDays(1)).minusMillis(1);
        return Flux.fromArray(FindingState.values())
                .concatMap(state -> byFirstAssignment.count(scope + "|" + state.name(), first, last)
                        .map(count -> Map.entry(state, count)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(FindingState.class));
    }

    /** The listed findings that still belong where they were found; the others are taken out (read-repair). */
    private Mono<List<Finding>> current(String list, List<WorkListIndex.Entry> entries) {
        if (entries.isEmpty()) {
            return Mono.just(List.of());
        }
        return findings.findAll(entries.stream().map(WorkListIndex.Entry::id).distinct().toList())
                .flatMap(byId -> {
                    List<Finding> current = new ArrayList<>();
                    List<WorkListIndex.Entry> stale = new ArrayList<>();
                    for (WorkListIndex.Entry entry : entries) {
                        Finding finding = byId.get(entry.id());
                        if (finding != null && belongs(finding, list, entry)) {
                            current.add(finding);
                        } else {
                            stale.add(entry);
                        }
                    }
                    return Flux.fromIterable(stale)
                            .concatMap(entry -> byDueDate.removeStale(list, entry, findings.find(entry.id())
                                    .map(finding -> belongs(finding, list, entry)).defaultIfEmpty(false)))
                            .then(Mono.just(current));
                });
    }

    private boolean belongs(Finding finding, String list, WorkListIndex.Entry entry) {
        return placements(finding).contains(new Placement(true, list, entry.id(), entry.at()));
    }

    private Set<Placement> placements(Finding f) {
        Set<Placement> placements = new LinkedHashSet<>();
        Instant due = startOf(f.assignment().dueDate());
        List<String> scopes = summaryScopes(f);
        for (String scope : scopes) {
            placements.add(new Placement(false, scope + "|" + f.state().name(), f.findingId(), f.firstAssignedAt()));
        }
        if (f.assignment().owner().isDealer()) {
            scopes.add(dealer(f.assignment().owner().dealerId()));
        }
        for (String scope : scopes) {
            placements.add(new Placement(true, scope + "|" + ALL_STATES, f.findingId(), due));
            placements.add(new Placement(true, scope + "|" + f.state().name(), f.findingId(), due));
        }
        return placements;
    }

    /** The group and the finding's regions: where the summary counts it. */
    private static List<String> summaryScopes(Finding f) {
        List<String> scopes = new ArrayList<>(List.of(group()));
        f.regions().forEach(r -> scopes.add(region(r)));
        return scopes;
    }

    private Mono<Void> put(Set<Placement> placements) {
        return Flux.fromIterable(placements).concatMap(p -> index(p).put(p.list(), p.findingId(), p.at())).then();
    }

    private WorkListIndex index(Placement placement) {
        return placement.dueDateIndex() ? byDueDate : byFirstAssignment;
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(groupZone).toInstant();
    }

    private static String scope(FindingList list) {
        if (list.dealerId() != null) {
            return dealer(list.dealerId());
        }
        return list.region() != null ? region(list.region()) : group();
    }

    private static String group() {
        return "G";
    }

    private static String region(String region) {
        return "R:" + region;
    }

    private static String dealer(String dealerId) {
        return "D:" + dealerId;
    }
}
