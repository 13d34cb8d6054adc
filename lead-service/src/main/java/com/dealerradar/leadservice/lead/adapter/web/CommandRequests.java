package com.dealerradar.leadservice.lead.adapter.web;

import com.dealerradar.leadservice.lead.domain.Grade;
import com.dealerradar.leadservice.lead.domain.InvalidReason;
import com.dealerradar.leadservice.lead.domain.Lead;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The bodies of the commands on an existing lead. */
final class CommandRequests {

    private CommandRequests() {}

    record GradeRequest(@NotNull Grade grade, @NotNull OffsetDateTime occurredAt) {}

    record ContactRequest(@NotNull OffsetDateTime occurredAt) {}

    record DealRequest(@NotNull OffsetDateTime occurredAt, @Size(max = 100) String model,
            @PositiveOrZero BigDecimal price, @Min(1) @Max(Lead.MAX_VEHICLES) Integer vehicles) {}

    record InvalidRequest(@NotNull OffsetDateTime occurredAt, @NotNull InvalidReason reason) {}
}
