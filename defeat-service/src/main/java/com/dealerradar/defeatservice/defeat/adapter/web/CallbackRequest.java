package com.dealerradar.defeatservice.defeat.adapter.web;

import com.dealerradar.defeatservice.defeat.domain.CallbackOutcome;
import com.dealerradar.defeatservice.defeat.domain.DefeatKind;
import com.dealerradar.defeatservice.defeat.domain.DefeatSubtype;
import com.dealerradar.defeatservice.defeat.domain.NewCallback;
import com.dealerradar.defeatservice.defeat.domain.Reason;
import com.dealerradar.defeatservice.defeat.domain.StepRatings;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of {@code POST /api/defeats/{defeatId}/callbacks}. {@code kind}, {@code subtype} and
 * {@code reasons} correct the report on a CONFIRMED outcome; ratings are checked by the domain (1 to 5).
 * {@code externalRef} is optional: the same ref again is answered with the defeat as it stands.
 */
record CallbackRequest(
        @NotNull OffsetDateTime occurredAt,
        @NotNull CallbackOutcome outcome,
        DefeatKind kind,
        DefeatSubtype subtype,
        @Size(max = 14) List<@NotNull Reason> reasons,
        @Size(max = 14) List<@NotNull Reason> actualReasons,
        @Size(max = 100) String boughtBrand,
        @Size(max = 100) String boughtModel,
        RatingsRequest ratings,
        @Size(max = 4000) String verbatim,
        @Size(max = 100) String by,
        @Size(max = 128) String externalRef) {

    record RatingsRequest(Integer reception, Integer needsAnalysis, Integer presentation, Integer testDrive,
            Integer negotiation, Integer followUp) {}

    NewCallback toNewCallback() {
        StepRatings stepRatings = ratings == null ? null : new StepRatings(ratings.reception(), ratings.needsAnalysis(),
                ratings.presentation(), ratings.testDrive(), ratings.negotiation(), ratings.followUp());
        return new NewCallback(occurredAt, outcome, kind, subtype, reasons, actualReasons, Text.orNull(boughtBrand),
                Text.orNull(boughtModel), stepRatings, Text.orNull(verbatim), Text.orNull(by), Text.orNull(externalRef));
    }
}
