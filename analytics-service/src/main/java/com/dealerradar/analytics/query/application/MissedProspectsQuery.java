package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.fact.domain.RollupSum;
import com.dealerradar.analytics.finding.application.AssignmentBriefs.Assigned;
import com.dealerradar.analytics.finding.application.AssignmentBriefs;
import com.dealerradar.analytics.finding.domain.FindingId;
import com.dealerradar.analytics.finding.domain.Outcome;
import com.dealerradar.analytics.query.domain.ProspectKind;
import com.dealerradar.analytics.query.domain.ProspectRadar.Finding;
import com.dealerradar.analytics.query.domain.ProspectRadar;
import com.dealerradar.analytics.query.domain.Rates;
import com.dealerradar.platform.problem.ApiProblem;
import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.ReadScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The missed prospects of region R: {@link ProspectRadar} judges every region × value cell of the group
 * at once (false discoveries controlled across all of them) and R's discoveries are listed, strongest
 * first, each with its kind. The evidence lists the peers with leads for the value and R's own oldest
 * open leads for it (at most {@link #OPEN_LEADS} per value), which the regions' product cells name, so
 * that no lead is read. Each item carries its {@code findingId} and, when the finding is assigned, who
 * owns it, by when, and its latest outcome (the page's findings read in one {@code _id $in}).
 */
@Service
public class MissedProspectsQuery {

    static final int OPEN_LEADS = Rollup.OPEN_LEADS;
    static final int ORGANIZATIONS = 10;
    static final int MAX_LIMIT = 100;

    private final CellReader rollups;
    private final AssignmentBriefs assignments;

    public MissedProspectsQuery(CellReader rollups, AssignmentBriefs assignments) {
        this.rollups = rollups;
        this.assignments = assignments;
    }

    public record OpenLead(String leadId, String dealerId, String organization, String grade) {}

    public record Here(long leads, long won, List<OpenLead> openLeads) {}

    public record Expected(double won, double leads) {}

    /** {@code wonByMonth}: the peer's deals for the value by month of year of the deal, January first. */
    public record Peer(String region, long leads, long won, List<String> organizations, List<String> models,
            List<Long> wonByMonth) {}

    /** {@code assignment}: null while the finding is not assigned. */
    public record Item(String value, String findingId, ProspectKind kind, double score, double pValue, double qValue,
            Here here, Expected expected, List<Peer> peers, Assigned assignment) {

        Item assigned(Assigned assignment) {
            return assignment == null ? this : new Item(value, findingId, kind, score, pValue, qValue, here, expected,
                    peers, assignment);
        }
    }

    public record MissedProspects(String region, String dimension, long regionLeads, List<Item> items) {}

    private record Candidate(Finding finding, RollupSum here, long hereWon, Map<String, RollupSum> peers,
            Map<String, Long> peersWon) {}

    public Mono<MissedProspects> find(Caller caller, String region, String dimension, Cohort cohort, Integer limit) {
        if (region == null || region.isBlank()) {
            return Mono.error(ApiProblem.invalid("region", "is required"));
        }
        if (!caller.canReadRegion(region)) {
            return Mono.error(ApiProblem.forbidden("region " + region + " is outside this key's scope"));
        }
        int max = limit == null ? 10 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            return Mono.error(ApiProblem.invalid("limit", "must be between 1 and " + MAX_LIMIT));
        }
        Grouping grouping = Dimensions.prospects(dimension);
        Function<Rollup, String> valueOf = grouping.keyOf();
        return rollups.readByRegion(grouping.view(), ReadScope.GROUP, cohort)
                .flatMap(all -> {
                    long regionLeads = all.stream().filter(r -> region.equals(r.key().region()))
                            .mapToLong(Rollup::traffic).sum();
                    List<Item> items = rank(region, valueOf, BoughtDeals.of(dimension), all).stream().limit(max)
                            .map(candidate -> item(candidate, FindingId.missedProspect(region, dimension,
                                    candidate.finding().value())))
                            .toList();
                    return withAssignments(items)
                            .map(assigned -> new MissedProspects(region, dimension, regionLeads, assigned));
                });
    }

    private Mono<List<Item>> withAssignments(List<Item> items) {
        return assignments.shown(items.stream().map(Item::findingId).toList())
                .map(byId -> items.stream().map(item -> item.assigned(byId.get(item.findingId()))).toList());
    }

    private static List<Candidate> rank(String region, Function<Rollup, String> valueOf,
            Function<Rollup, Map<String, Long>> dealsOf, List<Rollup> all) {
        Map<String, Long> trafficByRegion = new TreeMap<>();
        Map<String, Map<String, RollupSum>> byValueAndRegion = new TreeMap<>();
        Map<String, Map<String, Long>> wonByValueAndRegion = new TreeMap<>();
        for (Rollup r : all) {
            String rollupRegion = r.key().region() == null ? "" : r.key().region();
            trafficByRegion.merge(rollupRegion, r.traffic(), Long::sum);
            String value = valueOf.apply(r);
            if (value != null) {
                byValueAndRegion.computeIfAbsent(value, v -> new TreeMap<>())
                        .computeIfAbsent(rollupRegion, g -> new RollupSum()).add(r);
            }
            dealsOf.apply(r).forEach((dealValue, won) -> wonByValueAndRegion
                    .computeIfAbsent(dealValue, v -> new TreeMap<>()).merge(rollupRegion, won, Long::sum));
        }
        // Deals by model bought can outnumber the leads that asked about that model; the tests take at most
        // one deal per lead.
        Map<String, Map<String, ProspectRadar.Counts>> counts = new TreeMap<>();
        byValueAndRegion.forEach((value, byRegion) -> byRegion.forEach((r, sum) -> counts
                .computeIfAbsent(value, v -> new TreeMap<>()).put(r, new ProspectRadar.Counts(sum.traffic(),
                        Math.min(sum.traffic(), wonByValueAndRegion.getOrDefault(value, Map.of()).getOrDefault(r, 0L))))));
        return ProspectRadar.find(trafficByRegion, counts).stream()
                .filter(finding -> finding.region().equals(region))
                .map(finding -> {
                    Map<String, RollupSum> peers = new LinkedHashMap<>(byValueAndRegion.get(finding.value()));
                    RollupSum here = peers.remove(region);
                    Map<String, Long> won = wonByValueAndRegion.getOrDefault(finding.value(), Map.of());
                    return new Candidate(finding, here == null ? new RollupSum() : here, won.getOrDefault(region, 0L),
                            peers, won);
                })
                .toList();
    }

    private static Item item(Candidate c, String findingId) {
        List<OpenLead> open = c.here().openLeads(OPEN_LEADS).stream()
                .map(lead -> new OpenLead(lead.leadId(), lead.dealerId(), lead.organization(), lead.grade()))
                .toList();
        List<Peer> peers = c.peers().entrySet().stream()
                .filter(e -> e.getValue().traffic() > 0)
                .map(e -> new Peer(e.getKey(), e.getValue().traffic(), c.peersWon().getOrDefault(e.getKey(), 0L),
                        e.getValue().organizations(ORGANIZATIONS), e.getValue().models(),
                        byMonth(e.getValue().wonByMonth())))
                .sorted(Comparator.comparingLong(Peer::won).reversed().thenComparing(Peer::region))
                .toList();
        Finding f = c.finding();
        return new Item(f.value(), findingId, f.kind(), Rates.round(f.score(), 2), f.pValue(), f.qValue(),
                new Here(c.here().traffic(), c.hereWon(), open),
                new Expected(Rates.round(f.expectedWon(), 2), Rates.round(f.expectedLeads(), 2)), peers, null);
    }

    private static List<Long> byMonth(Map<String, Long> wonByMonth) {
        List<Long> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            months.add(wonByMonth.getOrDefault(String.format("%02d", month), 0L));
        }
        return months;
    }
}
