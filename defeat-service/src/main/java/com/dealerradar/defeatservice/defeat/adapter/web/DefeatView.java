package com.dealerradar.defeatservice.defeat.adapter.web;

import com.dealerradar.defeatservice.defeat.domain.Callback;
import com.dealerradar.defeatservice.defeat.domain.Correction;
import com.dealerradar.defeatservice.defeat.domain.Defeat;
import com.dealerradar.defeatservice.defeat.domain.StepRatings;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A defeat as callers see it, with its callbacks; {@code overdue} is true while its callback is late. */
record DefeatView(
        String defeatId,
        String leadId,
        String dealerId,
        String region,
        String externalRef,
        String origin,
        OffsetDateTime occurredAt,
        String kind,
        String subtype,
        List<String> reasons,
        String competitorBrand,
        String competitorModel,
        String sameGroupDealerId,
        String note,
        String reportedBy,
        String state,
        OffsetDateTime callbackDueAt,
        boolean overdue,
        int attempts,
        List<CallbackView> callbacks,
        OffsetDateTime settledAt,
        Instant reportedAt,
        long version) {

    record CallbackView(int attempt, OffsetDateTime occurredAt, String outcome, List<String> actualReasons,
            String boughtBrand, String boughtModel, StepRatings ratings, String verbatim, String by,
            CorrectionView correction, Instant recordedAt, String externalRef) {}

    record CorrectionView(String kind, String subtype, List<String> reasons) {}

    static DefeatView of(Defeat d, Instant now) {
        return new DefeatView(d.defeatId(), d.leadId(), d.dealerId(), d.region(), d.externalRef(), d.origin().name(),
                d.occurredAt(), d.kind().name(), d.subtype().name(), names(d.reasons()), d.competitorBrand(),
                d.competitorModel(), d.sameGroupDealerId(), d.note(), d.reportedBy(), d.state().name(),
                d.callbackDueAt(), d.isOverdue(now), d.attempts(),
                d.callbacks().stream().map(DefeatView::callback).toList(), d.settledAt(), d.reportedAt(), d.version());
    }

    private static CallbackView callback(Callback c) {
        Correction k = c.correction();
        CorrectionView correction = k == null ? null : new CorrectionView(k.kind() == null ? null : k.kind().name(),
                k.subtype() == null ? null : k.subtype().name(), k.reasons() == null ? null : names(k.reasons()));
        return new CallbackView(c.attempt(), c.occurredAt(), c.outcome().name(), names(c.actualReasons()),
                c.boughtBrand(), c.boughtModel(), c.ratings(), c.verbatim(), c.by(), correction, c.recordedAt(),
                c.externalRef());
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
