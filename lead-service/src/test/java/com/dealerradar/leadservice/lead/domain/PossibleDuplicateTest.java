package com.dealerradar.leadservice.lead.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PossibleDuplicateTest {

    private static Lead of(String leadId, String dealerId, LeadStatus status) {
        Lead l = Leads.in(status);
        return new Lead(leadId, dealerId, l.region(), l.externalRef(), l.occurredAt(), l.channel(), l.grade(),
                l.contactRetained(), l.model(), l.consultant(), l.customer(), l.status(), l.createdAt(), l.version(),
                l.fingerprint(), null, l.deal(), l.invalidReason(), l.defeats(), l.vehicles());
    }

    @Test
    void theSameDealersOpenLeadComesFirst() {
        List<Lead> candidates = List.of(of("L-1", "D-2", LeadStatus.OPEN), of("L-2", "D-1", LeadStatus.AT_RISK));
        assertThat(PossibleDuplicate.among(candidates, "D-1")).isEqualTo(new LeadRef("L-2", "D-1"));
    }

    @Test
    void otherwiseTheOldestOpenLeadOfAnotherDealer() {
        List<Lead> candidates = List.of(of("L-1", "D-2", LeadStatus.OPEN), of("L-3", "D-3", LeadStatus.OPEN));
        assertThat(PossibleDuplicate.among(candidates, "D-1")).isEqualTo(new LeadRef("L-1", "D-2"));
    }

    @Test
    void closedLeadsAreNoDuplicates() {
        List<Lead> candidates = List.of(of("L-1", "D-1", LeadStatus.WON), of("L-2", "D-1", LeadStatus.DEFEATED));
        assertThat(PossibleDuplicate.among(candidates, "D-1")).isNull();
    }
}
