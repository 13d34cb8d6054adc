package com.dealerradar.leadservice.lead.domain;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Leads for domain tests. */
final class Leads {

    static final OffsetDateTime CAPTURED_AT = OffsetDateTime.parse("2026-11-02T10:05:00+08:00");
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

    private Leads() {}

    static NewLead newLead(String dealerId, String externalRef) {
        return new NewLead(dealerId, externalRef, CAPTURED_AT, Channel.SHOWROOM, Grade.A, false, "CS75 PLUS",
                "wang.li", CustomerKind.INDIVIDUAL, null, "13800005678", null, null, 1);
    }

    static Lead open() {
        NewLead n = newLead("D-1", "crm-1");
        return Lead.capture("L-1", "Chifeng", n, new PhoneNumber("h".repeat(64), "138****5678"), n.fingerprint(),
                null, NOW);
    }

    static Lead in(LeadStatus status) {
        Lead lead = open();
        DefeatEvent event = new DefeatEvent("e-setup", "d-setup", 1, CAPTURED_AT.plusDays(1));
        return switch (status) {
            case OPEN -> lead;
            case WON -> lead.won(CAPTURED_AT.plusDays(1), "CS75", null, 1, NOW);
            case INVALID -> lead.invalidated(InvalidReason.NO_INTENT, CAPTURED_AT.plusDays(1), NOW);
            case AT_RISK -> lead.defeatConfirmed(event, DefeatKind.AT_RISK);
            case DEFEATED -> lead.defeatConfirmed(event, DefeatKind.DEFEATED);
        };
    }
}
