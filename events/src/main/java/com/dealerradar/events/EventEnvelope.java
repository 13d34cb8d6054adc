package com.dealerradar.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One event as it travels: the CloudEvents attributes of events.md plus the JSON payload.
 *
 * @param id       unique per event and stable across redelivery; consumers dedupe on it
 * @param source   the publishing service, e.g. {@code /lead-service}
 * @param type     e.g. {@link EventTypes#LEAD_CAPTURED}
 * @param subject  the aggregate id
 * @param time     when it happened in the business
 * @param dealerId routing extension
 * @param region   routing extension
 * @param sequence the aggregate's version after this change
 * @param data     the JSON payload
 */
public record EventEnvelope(
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String dealerId,
        String region,
        long sequence,
        byte[] data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }
}
