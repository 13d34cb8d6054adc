package com.dealerradar.leadservice.lead.adapter.web;

import com.dealerradar.leadservice.lead.domain.Channel;
import com.dealerradar.leadservice.lead.domain.CustomerKind;
import com.dealerradar.leadservice.lead.domain.Grade;
import com.dealerradar.leadservice.lead.domain.Industry;
import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.leadservice.lead.domain.NewLead;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** The body of {@code POST /api/leads}; unknown enum values fail while reading, naming their field. */
record LeadRequest(
        @NotBlank @Size(max = 64) String dealerId,
        @NotBlank @Size(max = 128) String externalRef,
        @NotNull OffsetDateTime occurredAt,
        @NotNull Channel channel,
        Grade grade,
        @NotNull Boolean contactRetained,
        @Size(max = 100) String model,
        @Size(max = 100) String consultant,
        @NotNull @Valid CustomerRequest customer,
        @Min(1) @Max(Lead.MAX_VEHICLES) Integer vehicles) {

    record CustomerRequest(
            @NotNull CustomerKind kind,
            @Size(max = 200) String name,
            @Size(max = 40) String phone,
            Industry industry,
            @Size(max = 200) String organization) {}

    NewLead toNewLead() {
        return new NewLead(dealerId, externalRef, occurredAt, channel, grade, contactRetained, blankToNull(model),
                blankToNull(consultant), customer.kind(), blankToNull(customer.name()), blankToNull(customer.phone()),
                customer.industry(), blankToNull(customer.organization()), vehicles == null ? 1 : vehicles);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
