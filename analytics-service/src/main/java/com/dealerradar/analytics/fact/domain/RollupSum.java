package com.dealerradar.analytics.fact.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sum of any number of rollups: what a dashboard row or total shows, and (as a rollup again)
 * a parent cell's row from its children's rows. Bounded lists stay exact when summed (the first names
 * of a union are among the first names of its parts), except the capped competitor counts, whose
 * rest is counted under {@link Rollup#OTHER}.
 */
public final class RollupSum {

    private long captured, invalid, traffic, kept, followed, followedWon, reached, won, atRisk, defeatedConfirmed, pendingDefeats;
    private long open, defeatsReported, defeatsConfirmed, defeatsReversed, vehiclesSold;
    private final ResponseHistogram responses = new ResponseHistogram();
    private DueTimes pendingDue = DueTimes.NONE;
    private final List<OpenLead> openLeads = new ArrayList<>();
    private final Map<String, Long> byReason = new TreeMap<>(), byCompetitor = new TreeMap<>(),
            bySubtype = new TreeMap<>(), bySameGroupDealer = new TreeMap<>(), ratingSums = new TreeMap<>(),
            ratingCounts = new TreeMap<>(), wonByMonth = new TreeMap<>(), wonModels = new TreeMap<>(),
            byCaptureGrade = new TreeMap<>(), wonInWindowByCaptureGrade = new TreeMap<>();
    private final TreeSet<String> organizations = new TreeSet<>(), wonOrganizations = new TreeSet<>(),
            models = new TreeSet<>();

    public RollupSum add(Rollup r) {
        captured += r.captured();
        invalid += r.invalid();
        traffic += r.traffic();
        kept += r.kept();
        followed += r.followed();
        followedWon += r.followedWon();
        reached += r.reached();
        won += r.won();
        atRisk += r.atRisk();
        defeatedConfirmed += r.defeatedConfirmed();
        pendingDefeats += r.pendingDefeats();
        open += r.open();
        defeatsReported += r.defeatsReported();
        defeatsConfirmed += r.defeatsConfirmed();
        defeatsReversed += r.defeatsReversed();
        vehiclesSold += r.vehiclesSold();
        responses.addAll(r.responseMinutes());
        pendingDue = pendingDue.plus(r.pendingDue());
        merge(byReason, r.byReason());
        merge(byCompetitor, r.byCompetitor());
        merge(bySubtype, r.bySubtype());
        merge(bySameGroupDealer, r.bySameGroupDealer());
        merge(ratingSums, r.ratingSums());
        merge(ratingCounts, r.ratingCounts());
        merge(wonByMonth, r.wonByMonth());
        merge(wonModels, r.wonModels());
        merge(byCaptureGrade, r.byCaptureGrade());
        merge(wonInWindowByCaptureGrade, r.wonInWindowByCaptureGrade());
        openLeads.addAll(r.openLeads());
        organizations.addAll(r.organizations());
        wonOrganizations.addAll(r.wonOrganizations());
        if (r.traffic() > 0) {
            models.addAll(r.models());
        }
        return this;
    }

    private static void merge(Map<String, Long> into, Map<String, Long> from) {
        from.forEach((key, n) -> into.merge(key, n, Long::sum));
    }

    public long captured() { return captured; }
    public long invalid() { return invalid; }
    public long traffic() { return traffic; }
    public long kept() { return kept; }
    public long followed() { return followed; }
    public long followedWon() { return followedWon; }
    public long reached() { return reached; }
    public long won() { return won; }
    public long atRisk() { return atRisk; }
    public long defeatedConfirmed() { return defeatedConfirmed; }
    public long defeated() { return atRisk + defeatedConfirmed; }
    public long pendingDefeats() { return pendingDefeats; }
    public long potential() { return traffic - won - defeated(); }
    public long defeatsReported() { return defeatsReported; }
    public long defeatsConfirmed() { return defeatsConfirmed; }
    public long defeatsReversed() { return defeatsReversed; }
    public long vehiclesSold() { return vehiclesSold; }
    public ResponseHistogram responses() { return responses; }
    public long overdueCallbacks(Instant now) { return pendingDue.overdue(now); }
    public Map<String, Long> byReason() { return byReason; }
    public Map<String, Long> byCompetitor() { return byCompetitor; }
    public Map<String, Long> bySubtype() { return bySubtype; }
    public Map<String, Long> bySameGroupDealer() { return bySameGroupDealer; }

    /** Average rating of a step over the callbacks that rated it; null when none did. */
    public Double averageRating(String step) {
        long count = ratingCounts.getOrDefault(step, 0L);
        return count == 0 ? null : (double) ratingSums.getOrDefault(step, 0L) / count;
    }

    /** These sums as the rollup of group {@code key}, naming at most {@code openLeadsKept} open leads. */
    public Rollup toRollup(GroupKey key, int openLeadsKept) {
        return new Rollup(key, captured, invalid, traffic, kept, followed, followedWon, reached, won, atRisk, defeatedConfirmed,
                pendingDefeats, open, responses.asMap(), defeatsReported, defeatsConfirmed, defeatsReversed, pendingDue,
                new TreeMap<>(byReason), TopCounts.of(byCompetitor, Rollup.MAX_COMPETITORS), new TreeMap<>(bySubtype),
                new TreeMap<>(bySameGroupDealer), new TreeMap<>(ratingSums), new TreeMap<>(ratingCounts),
                organizations.stream().limit(Rollup.MAX_ORGANIZATIONS).toList(),
                wonOrganizations.stream().limit(Rollup.MAX_ORGANIZATIONS).toList(),
                models.stream().limit(Rollup.MAX_MODELS).toList(), openLeads(openLeadsKept), new TreeMap<>(wonByMonth),
                TopCounts.of(wonModels, Rollup.MAX_MODELS), vehiclesSold, new TreeMap<>(byCaptureGrade),
                new TreeMap<>(wonInWindowByCaptureGrade));
    }

    /** Organizations that bought first, then the others, at most {@code limit}. */
    public List<String> organizations(int limit) {
        List<String> names = new ArrayList<>(wonOrganizations);
        organizations.stream().filter(name -> !wonOrganizations.contains(name)).forEach(names::add);
        return names.stream().limit(limit).toList();
    }

    public List<String> models() { return List.copyOf(models); }
    public Map<String, Long> wonByMonth() { return wonByMonth; }
    public Map<String, Long> wonModels() { return wonModels; }
    public Map<String, Long> byCaptureGrade() { return byCaptureGrade; }
    public Map<String, Long> wonInWindowByCaptureGrade() { return wonInWindowByCaptureGrade; }

    /** The oldest open leads the summed rollups name, at most {@code limit}. */
    public List<OpenLead> openLeads(int limit) {
        return openLeads.stream().sorted(OpenLead.OLDEST_FIRST).limit(limit).toList();
    }
}
