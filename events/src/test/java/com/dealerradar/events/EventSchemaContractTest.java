package com.dealerradar.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.events.directory.DealerRegistered;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.testkit.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON that publishers write validates against the schema published for its type. */
class EventSchemaContractTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-02T10:05:00+08:00");

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(EventTypes.DEALER_REGISTERED, new DealerRegistered("D-CF-01", "Chifeng Motors", "Chifeng", "Changan")),
                Arguments.of(EventTypes.LEAD_CAPTURED, new LeadCaptured("L-1", "D-CF-01", "Chifeng", "crm-1", AT,
                        "SHOWROOM", "A", true, "CS75 PLUS", "wang.li",
                        new LeadCaptured.Customer("ORGANIZATION", "POWER_UTILITY", "Chifeng Power Supply Co.",
                                "a".repeat(64)),
                        new LeadCaptured.DuplicateRef("L-0", "D-CF-02"))),
                Arguments.of(EventTypes.LEAD_CAPTURED, new LeadCaptured("L-2", "D-CF-01", "Chifeng", "crm-2", AT,
                        "PHONE", null, false, null, null,
                        new LeadCaptured.Customer("INDIVIDUAL", null, null, null), null)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void publishedJsonMatchesItsSchema(String type, Object payload) {
        assertThat(EventSchemas.violations(type, EventJson.write(payload))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void schemaRejectsAPayloadWithoutItsIds(String type, Object payload) {
        String json = new String(EventJson.write(payload), StandardCharsets.UTF_8)
                .replaceFirst("\"dealerId\":\"[^\"]*\",?", "");
        assertThat(EventSchemas.violations(type, json)).isNotEmpty();
    }
}
