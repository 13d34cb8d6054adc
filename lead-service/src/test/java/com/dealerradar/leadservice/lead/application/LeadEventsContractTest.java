package com.dealerradar.leadservice.lead.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.leadservice.lead.domain.Channel;
import com.dealerradar.leadservice.lead.domain.CustomerKind;
import com.dealerradar.leadservice.lead.domain.DefeatEvent;
import com.dealerradar.leadservice.lead.domain.DefeatKind;
import com.dealerradar.leadservice.lead.domain.Grade;
import com.dealerradar.leadservice.lead.domain.Industry;
import com.dealerradar.leadservice.lead.domain.InvalidReason;
import com.dealerradar.leadservice.lead.domain.Lead;
import com.dealerradar.leadservice.lead.domain.LeadRef;
import com.dealerradar.leadservice.lead.domain.NewLead;
import com.dealerradar.platform.outbox.OutboxEvent;
import com.dealerradar.testkit.EventSchemas;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON lead-service's own event code publishes validates against the schemas of the events module. */
class LeadEventsContractTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-02T10:05:00+08:00");
    private static final OffsetDateTime LATER = AT.plusDays(3);
    private static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    private static final PhoneHasher PHONES = new PhoneHasher("a-test-key-of-sufficient-length");

    static Stream<Arguments> events() {
        Lead organization = lead(new NewLead("D-1", "crm-1", AT, Channel.FLEET, Grade.H, true, "CS75 PLUS", "wang.li",
                CustomerKind.ORGANIZATION, "Chifeng Power", "13800005678", Industry.POWER_UTILITY, "Chifeng Power", 12),
                new LeadRef("L-0", "D-2"));
        Lead individual = lead(new NewLead("D-1", "crm-2", AT, Channel.PHONE, null, false, null, null,
                CustomerKind.INDIVIDUAL, null, null, null, null, 1), null);
        Lead graded = individual.graded(Grade.B, LATER, NOW);
        Lead contacted = individual.contactObtained(LATER, NOW);
        Lead won = organization.won(LATER, "UNI-K", new BigDecimal("159900.50"), 12, NOW);
        Lead wonWithoutPrice = individual.won(LATER, null, null, 1, NOW);
        Lead invalid = individual.invalidated(InvalidReason.WRONG_CONTACT, LATER, NOW);
        Lead atRisk = individual.defeatConfirmed(new DefeatEvent("e1", "DF-1", 3, LATER), DefeatKind.AT_RISK);
        Lead reopened = atRisk.defeatReversed(new DefeatEvent("e2", "DF-1", 4, LATER));
        return Stream.of(
                Arguments.of(LeadEvents.captured(organization)),
                Arguments.of(LeadEvents.captured(individual)),
                Arguments.of(LeadEvents.graded(individual, graded, LATER)),
                Arguments.of(LeadEvents.contactRetained(contacted, LATER)),
                Arguments.of(LeadEvents.won(won)),
                Arguments.of(LeadEvents.won(wonWithoutPrice)),
                Arguments.of(LeadEvents.invalidated(invalid, LATER)),
                Arguments.of(LeadEvents.statusChanged(individual, atRisk, "DF-1", LATER)),
                Arguments.of(LeadEvents.statusChanged(atRisk, reopened, "DF-1", LATER)));
    }

    private static Lead lead(NewLead n, LeadRef duplicate) {
        return Lead.capture("L-" + n.externalRef(), "Chifeng", n, PHONES.protect(n.phone()), n.fingerprint(),
                duplicate, NOW);
    }

    @ParameterizedTest
    @MethodSource("events")
    void publishedJsonMatchesTheSchemaOfItsType(OutboxEvent event) {
        assertThat(EventSchemas.violations(event.type(), event.data())).isEmpty();
        assertThat(event.data()).doesNotContain("13800005678").doesNotContain("\"phone\"").doesNotContain("\"name\"");
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventIsKeyedByTheLeadAndCarriesItsVersion(OutboxEvent event) {
        assertThat(event.key()).isEqualTo(event.subject()).startsWith("L-");
        assertThat(event.sequence()).isPositive();
        assertThat(event.type()).startsWith("radar.lead.");
    }
}
