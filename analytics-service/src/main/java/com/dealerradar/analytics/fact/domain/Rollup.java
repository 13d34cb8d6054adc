package com.dealerradar.analytics.fact.domain;

import java.util.List;
import java.util.Map;

/**
 * The counts of a set of leads: of one group of facts, or one row of a dashboard cell. Every map and
 * list is bounded: keys are reasons, brands (capped), subtypes, dealers, rating steps or response
 * buckets, never leads.
 *
 * @param traffic          leads that are not invalid (the funnel's traffic)
 * @param kept             valid leads that left contact information
 * @param followed         kept leads reached by a follow-up
 * @param followedWon      followed leads that were won (Convert's numerator)
 * @param reached          valid leads reached by a follow-up (kept or not)
 * @param responseMinutes  histogram of first-response minutes of reached leads, in {@link ResponseHistogram}'s buckets
 * @param pendingDue       when the pending callbacks fall due
 * @param models           the first catalogued models of the leads (by name)
 * @param openLeads        the oldest open leads, at most as many as the cell keeps
 * @param wonByMonth       deals by month of year of the deal ("01" … "12")
 * @param byCaptureGrade   valid leads by the grade given at capture (H, A, B, C)
 * @param wonInWindowByCaptureGrade those of them won within their grade's purchase window ({@link GradeWindows})
 * @param vehiclesSold     vehicles the won leads bought (a fleet deal sells several)
 * @param wonModels        deals by the model bought (catalogue entries), the {@link #MAX_MODELS} largest, the rest as {@link #OTHER}
 */
public record Rollup(GroupKey key, long captured, long invalid, long traffic, long kept, long followed, long followedWon, long reached,
        long won, long atRisk, long defeatedConfirmed, long pendingDefeats, long open, Map<Long, Long> responseMinutes,
        long defeatsReported, long defeatsConfirmed, long defeatsReversed, DueTimes pendingDue,
        Map<String, Long> byReason, Map<String, Long> byCompetitor, Map<String, Long> bySubtype,
        Map<String, Long> bySameGroupDealer, Map<String, Long> ratingSums, Map<String, Long> ratingCounts,
        List<String> organizations, List<String> wonOrganizations, List<String> models, List<OpenLead> openLeads,
        Map<String, Long> wonByMonth, Map<String, Long> wonModels, long vehiclesSold,
        Map<String, Long> byCaptureGrade, Map<String, Long> wonInWindowByCaptureGrade) {

    public static final int MAX_ORGANIZATIONS = 10;
    public static final int MAX_MODELS = 10;
    public static final int MAX_COMPETITORS = 20;
    public static final int OPEN_LEADS = 10;
    /** The key a capped list counts the rest under. */
    public static final String OTHER = "OTHER";
}
