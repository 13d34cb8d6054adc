package com.dealerradar.analytics.fact.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Computes a group's rollup from its facts; the live projection, the rebuild and the benchmark all use it. */
public final class RollupCalculator {

    private RollupCalculator() {}

    public static Rollup of(GroupKey key, Collection<LeadFact> facts) {
        return of(key, facts, 0);
    }

    /** Also names up to {@code openLeadsKept} of the group's open leads, oldest first. */
    public static Rollup of(GroupKey key, Collection<LeadFact> facts, int openLeadsKept) {
        long captured = 0, invalid = 0, kept = 0, followed = 0, followedWon = 0, reached = 0, won = 0, atRisk = 0, defeated = 0;
        long pending = 0, open = 0, reported = 0, confirmed = 0, reversed = 0, vehiclesSold = 0;
        ResponseHistogram responses = new ResponseHistogram();
        DueTimes dueAt = DueTimes.NONE;
        Map<String, Long> byReason = new TreeMap<>(), byCompetitor = new TreeMap<>(), bySubtype = new TreeMap<>();
        Map<String, Long> bySameGroupDealer = new TreeMap<>(), ratingSums = new TreeMap<>(), ratingCounts = new TreeMap<>();
        Set<String> organizations = new TreeSet<>(), wonOrganizations = new TreeSet<>();
        List<OpenLead> openLeads = new ArrayList<>();
        Map<String, Long> wonByMonth = new TreeMap<>(), wonModels = new TreeMap<>();
        Map<String, Long> byCaptureGrade = new TreeMap<>(), wonInWindow = new TreeMap<>();
        for (LeadFact fact : facts) {
            captured++;
            if (fact.invalid()) {
                invalid++;
                continue;
            }
            kept += fact.kept() ? 1 : 0;
            followed += fact.kept() && fact.reached() ? 1 : 0;
            followedWon += fact.kept() && fact.reached() && fact.won() ? 1 : 0;
            Long minutes = fact.responseMinutes();
            if (minutes != null) {
                reached++;
                responses.add(minutes, 1);
            }
            if (fact.captureGrade() != null) {
                byCaptureGrade.merge(fact.captureGrade(), 1L, Long::sum);
                if (GradeWindows.wonWithinWindow(fact)) {
                    wonInWindow.merge(fact.captureGrade(), 1L, Long::sum);
                }
            }
            if (fact.won()) {
                countDeal(fact, wonByMonth, wonModels);
                vehiclesSold += fact.wonVehicles();
            }
            switch (fact.status()) {
                case "WON" -> won++;
                case "AT_RISK" -> atRisk++;
                case "DEFEATED" -> defeated++;
                default -> open++;
            }
            reported += fact.defeatsReported();
            confirmed += fact.defeatsConfirmed();
            reversed += fact.defeatsReversed();
            if (fact.defeatPending()) {
                pending++;
                if (fact.callbackDueAt() != null) {
                    dueAt = dueAt.plus(fact.callbackDueAt());
                }
            }
            countLoss(fact, byReason, byCompetitor, bySubtype, bySameGroupDealer);
            fact.ratings().forEach((step, rating) -> {
                ratingSums.merge(step, rating.longValue(), Long::sum);
                ratingCounts.merge(step, 1L, Long::sum);
            });
            if (fact.open() && openLeadsKept > 0) {
                openLeads.add(new OpenLead(fact.leadId(), key.dealerId(), fact.organization(), fact.grade(),
                        fact.capturedAt()));
            }
            if (fact.organization() != null) {
                organizations.add(fact.organization());
                if (fact.won()) {
                    wonOrganizations.add(fact.organization());
                }
            }
        }
        openLeads.sort(OpenLead.OLDEST_FIRST);
        return new Rollup(key, captured, invalid, captured - invalid, kept, followed, followedWon, reached, won,
                atRisk, defeated,
                pending, open, responses.asMap(), reported, confirmed, reversed, dueAt, byReason, byCompetitor,
                bySubtype, bySameGroupDealer, ratingSums, ratingCounts, sorted(organizations), sorted(wonOrganizations),
                key.model() == null ? List.of() : List.of(key.model()),
                List.copyOf(openLeads.subList(0, Math.min(openLeadsKept, openLeads.size()))), wonByMonth,
                TopCounts.of(wonModels, Rollup.MAX_MODELS), vehiclesSold, byCaptureGrade, wonInWindow);
    }

    private static void countDeal(LeadFact fact, Map<String, Long> wonByMonth, Map<String, Long> wonModels) {
        if (fact.wonMonth() != null) {
            wonByMonth.merge(fact.wonMonth(), 1L, Long::sum);
        }
        if (fact.wonModel() != null) {
            wonModels.merge(fact.wonModel(), 1L, Long::sum);
        }
    }

    /** A loss to another dealer of the group is no loss for the group: it is counted apart, not by reason. */
    private static void countLoss(LeadFact fact, Map<String, Long> byReason, Map<String, Long> byCompetitor,
            Map<String, Long> bySubtype, Map<String, Long> bySameGroupDealer) {
        if (!fact.hasStandingDefeat()) {
            return;
        }
        if (fact.sameGroupDealerId() != null) {
            bySameGroupDealer.merge(fact.sameGroupDealerId(), 1L, Long::sum);
            return;
        }
        fact.lossReasons().forEach(reason -> byReason.merge(reason, 1L, Long::sum));
        if (fact.competitorBrand() != null) {
            byCompetitor.merge(fact.competitorBrand(), 1L, Long::sum);
        }
        if (fact.defeatSubtype() != null) {
            bySubtype.merge(fact.defeatSubtype(), 1L, Long::sum);
        }
    }

    /** The first names in order, so that the list is bounded and the same however the facts were read. */
    private static List<String> sorted(Set<String> names) {
        return names.stream().limit(Rollup.MAX_ORGANIZATIONS).toList();
    }
}
