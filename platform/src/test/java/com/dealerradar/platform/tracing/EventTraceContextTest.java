package com.dealerradar.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

class EventTraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @Test
    void theCurrentSampledSpanIsCapturedAsW3CHeaders() {
        SpanContext sampled = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "value").build());
        try (Scope ignored = Span.wrap(sampled).makeCurrent()) {
            assertThat(EventTraceContext.current()).contains(
                    new EventTraceContext("00-" + TRACE_ID + "-" + SPAN_ID + "-01", "vendor=value"));
        }
    }

    @Test
    void anUnsampledSpanOrNoSpanIsNotCaptured() {
        assertThat(EventTraceContext.current()).isEmpty();
        SpanContext unsampled = SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getDefault(), TraceState.getDefault());
        try (Scope ignored = Span.wrap(unsampled).makeCurrent()) {
            assertThat(EventTraceContext.current()).isEmpty();
        }
    }

    @Test
    void aStoredContextIsReadBackOnlyWhenItsTraceparentIsWellFormed() {
        String traceparent = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";
        assertThat(EventTraceContext.of(traceparent, null)).contains(new EventTraceContext(traceparent, null));
        assertThat(EventTraceContext.of(null, "vendor=value")).isEmpty();
        assertThat(EventTraceContext.of("01-" + TRACE_ID + "-" + SPAN_ID + "-01", null)).isEmpty();
        assertThat(EventTraceContext.of(traceparent + "-and-more", null)).isEmpty();
        assertThat(EventTraceContext.of(traceparent.toUpperCase(), null)).isEmpty();
    }

    @Test
    void aTracestateLongerThanW3CAsksEveryHopToKeepIsDroppedAndTheTraceparentKept() {
        String traceparent = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";
        String longest = "a=" + "x".repeat(EventTraceContext.MAX_TRACESTATE_LENGTH - 2);

        assertThat(EventTraceContext.of(traceparent, longest)).contains(new EventTraceContext(traceparent, longest));
        assertThat(EventTraceContext.of(traceparent, longest + "x")).contains(new EventTraceContext(traceparent, null));
        assertThat(EventTraceContext.of(traceparent, " ")).contains(new EventTraceContext(traceparent, null));
    }

    @Test
    void itsHeadersCarryTheTracestateOnlyWhenThereIsOne() {
        String traceparent = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";
        assertThat(new EventTraceContext(traceparent, null).headers()).containsOnlyKeys("traceparent");
        assertThat(new EventTraceContext(traceparent, "a=b").headers())
                .containsEntry("traceparent", traceparent).containsEntry("tracestate", "a=b");
    }
}
