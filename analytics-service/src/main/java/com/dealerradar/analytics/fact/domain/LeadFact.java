package com.dealerradar.analytics.fact.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the read model knows about one lead: enough to compute every rollup of its group.
 *
 * @param status               OPEN, WON, INVALID, AT_RISK or DEFEATED as lead-service last said
 * @param firstResponseMinutes capture to first reaching follow-up, as followup-service measured it; may be null
 * @param defeatState          state of the lead's latest defeat (PENDING_CALLBACK, CONFIRMED, REVERSED) or null
 * @param ratings              the latest callback's ratings per step (reception, needsAnalysis, ...)
 * @param grade                the lead's current grade (H, A, B, C)
 * @param wonMonth             month of year of the deal ("01" … "12", in the group's time zone), if won
 * @param wonModel             the catalogue entry of the model bought, if won
 * @param wonVehicles          how many vehicles the deal sold (1 when the deal did not say)
 * @param captureGrade         the grade given at capture (later grades do not change it)
 * @param wonAt                when the deal was made, if won
 */
public record LeadFact(String leadId, String status, boolean kept, boolean reached, Instant capturedAt,
        Instant firstReachedAt, Long firstResponseMinutes, String organization, int defeatsReported,
        int defeatsConfirmed, int defeatsReversed, String defeatState, String defeatSubtype, List<String> reasons,
        List<String> actualReasons, String competitorBrand, String sameGroupDealerId, Instant callbackDueAt,
        Map<String, Integer> ratings, String grade, String wonMonth, String wonModel,
        int wonVehicles, String captureGrade, Instant wonAt) {

    public static final String PENDING_CALLBACK = "PENDING_CALLBACK";
    public static final String REVERSED = "REVERSED";

    public LeadFact {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        actualReasons = actualReasons == null ? List.of() : List.copyOf(actualReasons);
        ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
    }

    public boolean invalid() {
        return "INVALID".equals(status);
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    public boolean won() {
        return "WON".equals(status);
    }

    /** Falls back to the two timestamps where the follow-up event carried no measurement. */
    public Long responseMinutes() {
        if (!reached) {
            return null;
        }
        if (firstResponseMinutes != null) {
            return Math.max(0, firstResponseMinutes);
        }
        if (capturedAt != null && firstReachedAt != null) {
            return Math.max(0, Duration.between(capturedAt, firstReachedAt).toMinutes());
        }
        return null;
    }

    public boolean defeatPending() {
        return PENDING_CALLBACK.equals(defeatState);
    }

    /** A reversed defeat was no loss; the others (pending or confirmed) count in the loss analysis. */
    public boolean hasStandingDefeat() {
        return defeatState != null && !REVERSED.equals(defeatState);
    }

    /** The callback's actual reasons where there was a callback that gave some, else the reported ones. */
    public List<String> lossReasons() {
        return actualReasons.isEmpty() ? reasons : actualReasons;
    }
}
