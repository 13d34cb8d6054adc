package com.dealerradar.leadservice.lead.domain;

import static com.dealerradar.leadservice.lead.domain.Leads.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.platform.problem.Violation;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NewLeadTest {

    private static NewLead lead(CustomerKind kind, String name, Industry industry, String phone,
            OffsetDateTime at) {
        return new NewLead("D-1", "crm-1", at, Channel.FLEET, Grade.H, true, null, null, kind, name, phone, industry,
                null, 1);
    }

    @Test
    void aWellFormedLeadHasNoViolations() {
        assertThat(lead(CustomerKind.ORGANIZATION, "Chifeng Power", Industry.POWER_UTILITY, "138 0000-5678",
                Leads.CAPTURED_AT).violations(NOW)).isEmpty();
    }

    @Test
    void aLeadMoreThanFiveMinutesAheadIsInTheFuture() {
        var slightlyAhead = NOW.plus(Duration.ofMinutes(4)).atOffset(ZoneOffset.ofHours(8));
        var farAhead = NOW.plus(Duration.ofMinutes(6)).atOffset(ZoneOffset.ofHours(8));
        assertThat(lead(CustomerKind.INDIVIDUAL, null, null, null, slightlyAhead).violations(NOW)).isEmpty();
        assertThat(lead(CustomerKind.INDIVIDUAL, null, null, null, farAhead).violations(NOW))
                .extracting(Violation::field).containsExactly("occurredAt");
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        var at = NOW.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC);
        assertThat(lead(CustomerKind.INDIVIDUAL, null, Industry.FINANCE, "12-34", at).violations(NOW))
                .extracting(Violation::field)
                .containsExactly("occurredAt", "customer.industry", "customer.phone");
        assertThat(lead(CustomerKind.ORGANIZATION, " ", null, null, Leads.CAPTURED_AT).violations(NOW))
                .extracting(Violation::field).containsExactly("customer.name");
    }

    @Test
    void theFingerprintIgnoresHowThePhoneIsWrittenButNotWhatWasReported() {
        var a = lead(CustomerKind.INDIVIDUAL, null, null, "138 0000 5678", Leads.CAPTURED_AT);
        var b = lead(CustomerKind.INDIVIDUAL, null, null, "13800005678", Leads.CAPTURED_AT);
        var c = lead(CustomerKind.INDIVIDUAL, null, null, "13800005679", Leads.CAPTURED_AT);
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).isNotEqualTo(c.fingerprint());
    }

    @Test
    void aFleetLeadAsksForOneToFiveHundredVehiclesAndItsCountIsPartOfTheFingerprint() {
        NewLead one = Leads.newLead("D-1", "crm-1");
        NewLead fleet = withVehicles(one, 20);
        assertThat(fleet.violations(NOW)).isEmpty();
        assertThat(withVehicles(one, 0).violations(NOW)).extracting(Violation::field).containsExactly("vehicles");
        assertThat(withVehicles(one, 501).violations(NOW)).extracting(Violation::field).containsExactly("vehicles");
        assertThat(fleet.fingerprint()).isNotEqualTo(one.fingerprint());
    }

    private static NewLead withVehicles(NewLead n, int vehicles) {
        return new NewLead(n.dealerId(), n.externalRef(), n.occurredAt(), n.channel(), n.grade(), n.contactRetained(),
                n.model(), n.consultant(), n.customerKind(), n.customerName(), n.phone(), n.industry(), n.organization(),
                vehicles);
    }

    @Test
    void theLeadIdFollowsFromTheDealerAndItsExternalRefAlone() {
        NewLead lead = Leads.newLead("D-1", "crm-1");
        assertThat(lead.leadId()).isEqualTo(Leads.newLead("D-1", "crm-1").leadId());
        assertThat(lead.leadId()).isNotEqualTo(Leads.newLead("D-2", "crm-1").leadId())
                .isNotEqualTo(Leads.newLead("D-1", "crm-2").leadId());
        assertThat(java.util.UUID.fromString(lead.leadId()).toString()).isEqualTo(lead.leadId());
    }
}
