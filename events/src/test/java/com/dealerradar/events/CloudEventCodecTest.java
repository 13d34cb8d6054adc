package com.dealerradar.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {

    @Test
    void travelsInKafkaBinaryModeWithEveryAttribute() {
        EventEnvelope sent = new EventEnvelope("e-1", "/lead-service", EventTypes.LEAD_CAPTURED, "L-1",
                OffsetDateTime.parse("2026-11-02T10:05:00+08:00"), "D-CF-01", "Chifeng", 3,
                "{\"leadId\":\"L-1\"}".getBytes(StandardCharsets.UTF_8));

        RecordHeaders headers = new RecordHeaders();
        try (CloudEventSerializer serializer = new CloudEventSerializer();
                CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, "BINARY"), false);
            byte[] value = serializer.serialize(Topics.LEADS, headers, CloudEventCodec.toCloudEvent(sent));

            assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("{\"leadId\":\"L-1\"}");
            assertThat(new String(headers.lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo(EventTypes.LEAD_CAPTURED);
            assertThat(new String(headers.lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/json");

            EventEnvelope received =
                    CloudEventCodec.fromCloudEvent(deserializer.deserialize(Topics.LEADS, headers, value));
            assertThat(received).usingRecursiveComparison().isEqualTo(sent);
        }
    }
}
