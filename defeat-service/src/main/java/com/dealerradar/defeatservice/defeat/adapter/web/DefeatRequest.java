package com.dealerradar.defeatservice.defeat.adapter.web;

import com.dealerradar.defeatservice.defeat.domain.DefeatKind;
import com.dealerradar.defeatservice.defeat.domain.DefeatSubtype;
import com.dealerradar.defeatservice.defeat.domain.NewDefeat;
import com.dealerradar.defeatservice.defeat.domain.Reason;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** The body of {@code POST /api/defeats}; unknown enum values fail while reading, naming their field. */
record DefeatRequest(
        @NotBlank @Size(max = 64) String leadId,
        @NotBlank @Size(max = 128) String externalRef,
        @NotNull OffsetDateTime occurredAt,
        @NotNull DefeatKind kind,
        @NotNull DefeatSubtype subtype,
        @Size(max = 14) List<@NotNull Reason> reasons,
        @Size(max = 100) String competitorBrand,
        @Size(max = 100) String competitorModel,
        @Size(max = 64) String sameGroupDealerId,
        @Size(max = 2000) String note,
        @Size(max = 100) String reportedBy) {

    NewDefeat toNewDefeat() {
        return new NewDefeat(leadId.strip(), externalRef.strip(), occurredAt, kind, subtype, reasons,
                Text.orNull(competitorBrand), Text.orNull(competitorModel), Text.orNull(sameGroupDealerId),
                Text.orNull(note), Text.orNull(reportedBy));
    }
}
