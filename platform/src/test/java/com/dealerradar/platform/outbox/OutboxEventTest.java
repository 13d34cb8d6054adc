package com.dealerradar.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.events.Topics;
import com.dealerradar.platform.tracing.EventTraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.time.OffsetDateTime;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class OutboxEventTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void anEventWrittenInASampledSpanKeepsItsTraceThroughTheStore() {
        OutboxEvent written;
        SpanContext request = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope ignored = Span.wrap(request).makeCurrent()) {
            written = event();
        }

        Document stored = written.toDocument();

        assertThat(stored.getString("traceparent")).isEqualTo(TRACEPARENT);
        assertThat(stored).doesNotContainKey("tracestate");
        assertThat(OutboxEvent.fromDocument(stored)).isEqualTo(written);
        assertThat(written.trace()).contains(new EventTraceContext(TRACEPARENT, null));
    }

    @Test
    void anEventWrittenOutsideATraceStoresNoTraceFields() {
        OutboxEvent written = event();

        Document stored = written.toDocument();

        assertThat(written.trace()).isEmpty();
        assertThat(stored).doesNotContainKeys("traceparent", "tracestate");
        assertThat(OutboxEvent.fromDocument(stored)).isEqualTo(written);
    }

    @Test
    void aStoredTraceThatIsNotW3CIsIgnoredWhenRead() {
        Document stored = event().toDocument().append("traceparent", "not-a-trace").append("tracestate", "a=b");

        assertThat(OutboxEvent.fromDocument(stored).trace()).isEmpty();
    }

    private static OutboxEvent event() {
        return OutboxEvent.of(Topics.LEADS, "L-1", "/test", "test.thing.v1", "L-1",
                OffsetDateTime.parse("2026-11-02T10:05:00+08:00"), "D-1", "R-1", 1, Map.of("id", "L-1"));
    }
}
