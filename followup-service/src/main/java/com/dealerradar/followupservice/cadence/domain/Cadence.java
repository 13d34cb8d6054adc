package com.dealerradar.followupservice.cadence.domain;

import com.dealerradar.followupservice.leadview.domain.Grade;
import com.dealerradar.followupservice.leadview.domain.Plan;
import com.dealerradar.platform.problem.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The group's follow-up cadence, one {@link GradeCadence} per grade. Every change gets a new
 * {@code revision}, so that a lead planned under an older one can be told apart and re-planned.
 * Days are 24-hour periods counted from the instant of capture or of the last reached follow-up.
 */
public record Cadence(long revision, Map<Grade, GradeCadence> grades) {

    /** A lead nobody has graded yet is followed at the most patient grade's pace. */
    public static final Grade UNGRADED_AS = Grade.C;

    /** Ten years: anything longer is a typing mistake, not a cadence. */
    public static final int MAX_DAYS = 3650;

    public static final Cadence DEFAULTS = new Cadence(0, Map.of(
            Grade.H, new GradeCadence(1, 7),
            Grade.A, new GradeCadence(3, 15),
            Grade.B, new GradeCadence(7, 30),
            Grade.C, new GradeCadence(14, 90)));

    public Cadence {
        grades = Map.copyOf(grades);
    }

    public GradeCadence of(Grade grade) {
        return grades.get(grade == null ? UNGRADED_AS : grade);
    }

    /**
     * The plan of a lead of {@code grade} captured at {@code capturedAt}: due one interval after the
     * last follow-up that reached it, or after capture.
     */
    public Plan plan(Grade grade, Instant capturedAt, Instant lastReachedAt) {
        GradeCadence rule = of(grade);
        Duration interval = Duration.ofDays(rule.intervalDays());
        Instant base = lastReachedAt == null || lastReachedAt.isBefore(capturedAt) ? capturedAt : lastReachedAt;
        Instant dueAt = base.plus(interval);
        return new Plan(dueAt, capturedAt.plus(Duration.ofDays(rule.windowDays())),
                dueAt.plus(interval.multipliedBy(2)), revision);
    }

    /** What is wrong with a proposed set of grades, by field ({@code grades.A.windowDays}). */
    public static List<Violation> violations(Map<Grade, GradeCadence> proposed) {
        List<Violation> violations = new ArrayList<>();
        for (Grade grade : Grade.values()) {
            GradeCadence rule = proposed.get(grade);
            String field = "grades." + grade;
            if (rule == null) {
                violations.add(new Violation(field, "every grade needs a cadence"));
                continue;
            }
            if (rule.intervalDays() < 1 || rule.intervalDays() > MAX_DAYS) {
                violations.add(new Violation(field + ".intervalDays", "must be between 1 and " + MAX_DAYS));
            }
            if (rule.windowDays() < 1 || rule.windowDays() > MAX_DAYS) {
                violations.add(new Violation(field + ".windowDays", "must be between 1 and " + MAX_DAYS));
            } else if (rule.windowDays() < rule.intervalDays()) {
                violations.add(new Violation(field + ".windowDays", "must not be shorter than intervalDays"));
            }
        }
        return violations;
    }
}
