package com.dealerradar.platform.outbox;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.platform.tracing.EventTraceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;

/**
 * An event waiting in its aggregate's {@code outbox} array. It is written in the same single-document
 * update as the state change it describes, so the change and its event cannot part.
 *
 * @param topic base topic name from {@code Topics}; the relay applies the prefix
 * @param key   record key: the lead id for everything about a lead, the dealer id for directory events
 * @param trace the trace the event was written in, continued when it is published
 */
public record OutboxEvent(
        String id,
        String topic,
        String key,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String dealerId,
        String region,
        long sequence,
        String data,
        Optional<EventTraceContext> trace) {

    public static final String FIELD = "outbox";

    /** An event about to be written, in the trace current on this thread (if tracing is on). */
    public static OutboxEvent of(String topic, String key, String source, String type, String subject,
            OffsetDateTime time, String dealerId, String region, long sequence, Object payload) {
        return new OutboxEvent(UUID.randomUUID().toString(), topic, key, source, type, subject, time, dealerId,
                region, sequence, new String(EventJson.write(payload), StandardCharsets.UTF_8),
                EventTraceContext.current());
    }

    public EventEnvelope envelope() {
        return new EventEnvelope(id, source, type, subject, time, dealerId, region, sequence,
                data.getBytes(StandardCharsets.UTF_8));
    }

    public Document toDocument() {
        Document document = new Document("id", id)
                .append("topic", topic)
                .append("key", key)
                .append("source", source)
                .append("type", type)
                .append("subject", subject)
                .append("time", java.util.Date.from(time.toInstant()))
                .append("offset", time.getOffset().getId())
                .append("dealerId", dealerId)
                .append("region", region)
                .append("sequence", sequence)
                .append("data", data);
        trace.ifPresent(context -> document.putAll(context.headers()));
        return document;
    }

    public static OutboxEvent fromDocument(Document d) {
        Instant instant = d.getDate("time").toInstant();
        OffsetDateTime time = instant.atOffset(ZoneOffset.of(d.getString("offset")));
        return new OutboxEvent(d.getString("id"), d.getString("topic"), d.getString("key"), d.getString("source"),
                d.getString("type"), d.getString("subject"), time, d.getString("dealerId"), d.getString("region"),
                ((Number) d.get("sequence")).longValue(), d.getString("data"),
                EventTraceContext.of(d.getString(EventTraceContext.TRACEPARENT), d.getString(EventTraceContext.TRACESTATE)));
    }
}
