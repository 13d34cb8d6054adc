package com.dealerradar.defeatservice.defeat.domain;

import com.dealerradar.platform.problem.Violation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One callback as the sales manager records it. {@code kind}, {@code subtype} and {@code reasons}
 * correct the report and are accepted only with a CONFIRMED outcome; null leaves the reported value.
 * {@code externalRef}, when given, makes a retry of the same callback answer without counting it again.
 */
public record NewCallback(
        OffsetDateTime occurredAt,
        CallbackOutcome outcome,
        DefeatKind kind,
        DefeatSubtype subtype,
        List<Reason> reasons,
        List<Reason> actualReasons,
        String boughtBrand,
        String boughtModel,
        StepRatings ratings,
        String verbatim,
        String by,
        String externalRef) {

    /** A callback sent without an idempotency key. */
    public NewCallback(OffsetDateTime occurredAt, CallbackOutcome outcome, DefeatKind kind, DefeatSubtype subtype,
            List<Reason> reasons, List<Reason> actualReasons, String boughtBrand, String boughtModel,
            StepRatings ratings, String verbatim, String by) {
        this(occurredAt, outcome, kind, subtype, reasons, actualReasons, boughtBrand, boughtModel, ratings, verbatim,
                by, null);
    }

    public NewCallback {
        reasons = reasons == null ? null : List.copyOf(reasons.stream().distinct().toList());
        actualReasons = actualReasons == null ? List.of() : List.copyOf(actualReasons.stream().distinct().toList());
        ratings = ratings == null ? StepRatings.none() : ratings;
    }

    public boolean corrects() {
        return kind != null || subtype != null || reasons != null;
    }

    List<Violation> violations(Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (occurredAt != null && occurredAt.toInstant().isAfter(now.plus(NewDefeat.CLOCK_SKEW))) {
            violations.add(new Violation("occurredAt", "must not be in the future"));
        }
        if (outcome != CallbackOutcome.CONFIRMED && corrects()) {
            violations.add(new Violation(kind != null ? "kind" : subtype != null ? "subtype" : "reasons",
                    "only a CONFIRMED callback corrects the report"));
        }
        violations.addAll(ratings.violations("ratings."));
        return violations;
    }
}
