package com.dealerradar.analytics.fact.domain;

import java.time.Duration;
import java.util.Map;

/**
 * How soon a lead of each grade is expected to buy (domain.md's defaults: H 7 days, A 15, B 30, C 90).
 * Grade calibration counts a lead as converted when it was won within its capture grade's window.
 */
public final class GradeWindows {

    public static final Map<String, Duration> DEFAULTS = Map.of("H", Duration.ofDays(7), "A", Duration.ofDays(15),
            "B", Duration.ofDays(30), "C", Duration.ofDays(90));

    private GradeWindows() {}

    public static boolean wonWithinWindow(LeadFact fact) {
        Duration window = fact.captureGrade() == null ? null : DEFAULTS.get(fact.captureGrade());
        if (!fact.won() || window == null || fact.wonAt() == null || fact.capturedAt() == null) {
            return false;
        }
        return !fact.wonAt().isAfter(fact.capturedAt().plus(window));
    }
}
