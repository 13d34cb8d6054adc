package com.dealerradar.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.OffsetDateTime;

/**
 * Maps {@link EventEnvelope} to and from a CloudEvent; the Kafka binary-mode serializer of the
 * CloudEvents SDK turns that into {@code ce_} headers and the payload as the record value.
 */
public final class CloudEventCodec {

    static final String DEALER_ID = "dealerid";
    static final String REGION = "region";
    static final String SEQUENCE = "sequence";
    private static final String JSON = "application/json";

    private CloudEventCodec() {}

    public static CloudEvent toCloudEvent(EventEnvelope e) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(e.id())
                .withSource(URI.create(e.source()))
                .withType(e.type())
                .withSubject(e.subject())
                .withTime(e.time())
                .withDataContentType(JSON)
                .withExtension(SEQUENCE, Long.toString(e.sequence()))
                .withData(JSON, e.data());
        if (e.dealerId() != null) {
            builder.withExtension(DEALER_ID, e.dealerId());
        }
        if (e.region() != null) {
            builder.withExtension(REGION, e.region());
        }
        return builder.build();
    }

    public static EventEnvelope fromCloudEvent(CloudEvent ce) {
        if (ce.getData() == null) {
            throw new IllegalArgumentException("event " + ce.getId() + " has no data");
        }
        Object sequence = ce.getExtension(SEQUENCE);
        OffsetDateTime time = ce.getTime();
        return new EventEnvelope(
                ce.getId(),
                ce.getSource().toString(),
                ce.getType(),
                ce.getSubject(),
                time,
                stringOrNull(ce.getExtension(DEALER_ID)),
                stringOrNull(ce.getExtension(REGION)),
                sequence == null ? 0 : Long.parseLong(sequence.toString()),
                ce.getData().toBytes());
    }

    private static String stringOrNull(Object value) {
        return value == null ? null : value.toString();
    }
}
