package com.dealerradar.analytics.fact.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The counts of one group of leads, a pure function of the group's facts. Maps are small: their keys
 * are reasons, brands, subtypes, dealers, rating steps or response minutes, never leads.
 *
 * @param traffic          leads that are not invalid (the funnel's traffic)
 * @param kept             valid leads that left contact information
 * @param followed         kept leads reached by a follow-up
 * @param followedWon      followed leads that were won (Convert's numerator)
 * @param reached          valid leads reached by a follow-up (kept or not)
 * @param responseMinutes  histogram of first-response minutes of reached leads, capped at {@link ResponseHistogram#CAP}
 * @param pendingDueAt     when each pending callback of the group falls due
 * @param openLeads        the group's oldest open leads, at most as many as the view keeps
 */
public record Rollup(GroupKey key, long captured, long invalid, long traffic, long kept, long followed, long followedWon, long reached,
        long won, long atRisk, long defeatedConfirmed, long pendingDefeats, long open, Map<Long, Long> responseMinutes,
        long defeatsReported, long defeatsConfirmed, long defeatsReversed, List<Instant> pendingDueAt,
        Map<String, Long> byReason, Map<String, Long> byCompetitor, Map<String, Long> bySubtype,
        Map<String, Long> bySameGroupDealer, Map<String, Long> ratingSums, Map<String, Long> ratingCounts,
        List<String> organizations, List<String> wonOrganizations, List<OpenLead> openLeads) {

    public static final int MAX_ORGANIZATIONS = 10;
}
