package com.dealerradar.defeatservice.defeat.domain;

import com.dealerradar.platform.problem.Violation;
import com.dealerradar.platform.idempotency.Fingerprint;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A lost sale as a dealer system reports it, before it has an id. {@code sameGroupDealerId} names
 * the group's own dealer the customer bought from, for BOUGHT_SAME_BRAND_ELSEWHERE only.
 */
public record NewDefeat(
        String leadId,
        String externalRef,
        OffsetDateTime occurredAt,
        DefeatKind kind,
        DefeatSubtype subtype,
        List<Reason> reasons,
        String competitorBrand,
        String competitorModel,
        String sameGroupDealerId,
        String note,
        String reportedBy) {

    /** How far ahead of our clock a dealer system's clock may run. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public NewDefeat {
        reasons = reasons == null ? List.of() : List.copyOf(reasons.stream().distinct().toList());
    }

    /** The rules that span fields; required fields and enum values are checked where the request is read. */
    public List<Violation> violations(Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (occurredAt != null && occurredAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Violation("occurredAt", "must not be in the future"));
        }
        if (kind != null && subtype != null && !subtype.belongsTo(kind)) {
            violations.add(new Violation("subtype", "is not a subtype of " + kind + "; allowed: " + subtypesOf(kind)));
        }
        if (subtype == DefeatSubtype.BOUGHT_COMPETITOR && isBlank(competitorBrand)) {
            violations.add(new Violation("competitorBrand", "is required when the customer bought a competitor's car"));
        }
        if (sameGroupDealerId != null && subtype != DefeatSubtype.BOUGHT_SAME_BRAND_ELSEWHERE) {
            violations.add(new Violation("sameGroupDealerId", "only applies to BOUGHT_SAME_BRAND_ELSEWHERE"));
        }
        return violations;
    }

    /** Identifies what was reported, so that a re-post of the same {@code externalRef} is a retry or a conflict. */
    public String fingerprint() {
        return Fingerprint.of(Arrays.asList(leadId, externalRef, occurredAt == null ? null : occurredAt.toInstant(),
                kind, subtype, reasons.stream().sorted().toList(), competitorBrand, competitorModel,
                sameGroupDealerId, note, reportedBy));
    }

    static List<DefeatSubtype> subtypesOf(DefeatKind kind) {
        return Arrays.stream(DefeatSubtype.values()).filter(s -> s.belongsTo(kind)).toList();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
