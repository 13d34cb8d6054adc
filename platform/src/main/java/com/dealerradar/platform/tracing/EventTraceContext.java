package com.dealerradar.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C trace context an event was written in. It is stored with the event in the outbox, so that
 * the event's publication, however much later and on whatever thread, continues the trace of the
 * request that caused it.
 *
 * @param traceparent W3C {@code traceparent}, version 00
 * @param tracestate  W3C {@code tracestate}, or null
 */
public record EventTraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /**
     * An outbox entry must stay small: W3C lets a tracestate hold 32 members, but asks every hop to
     * keep at least 512 characters of it, so a longer one is dropped here rather than stored.
     */
    static final int MAX_TRACESTATE_LENGTH = 512;

    private static final Pattern VERSION_00 = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    /**
     * The context of the span current on this thread, if it is sampled. An unsampled span is not kept:
     * with tracing off every span is unsampled, and carrying it would cost every event for nothing.
     */
    public static Optional<EventTraceContext> current() {
        if (!Span.current().getSpanContext().isSampled()) {
            return Optional.empty();
        }
        Map<String, String> headers = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        return of(headers.get(TRACEPARENT), headers.get(TRACESTATE));
    }

    /** A context as read back: none without a well-formed traceparent; the tracestate only when short enough. */
    public static Optional<EventTraceContext> of(String traceparent, String tracestate) {
        if (traceparent == null || !VERSION_00.matcher(traceparent).matches()) {
            return Optional.empty();
        }
        boolean keepState = tracestate != null && !tracestate.isBlank() && tracestate.length() <= MAX_TRACESTATE_LENGTH;
        return Optional.of(new EventTraceContext(traceparent, keepState ? tracestate : null));
    }

    /** The W3C headers of this context, as a propagator reads them. */
    public Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        headers.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            headers.put(TRACESTATE, tracestate);
        }
        return headers;
    }
}
