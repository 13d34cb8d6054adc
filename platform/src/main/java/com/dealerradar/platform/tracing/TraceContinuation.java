package com.dealerradar.platform.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Continues a stored trace around work done later, elsewhere: the outbox relay publishes an event on
 * its own thread, maybe after a restart, long after the request that wrote it has ended. The work runs
 * in a span whose parent is read from the stored context by the application's own propagator, as if
 * the context had arrived in a message; so with tracing off (no propagation) nothing is continued.
 */
public class TraceContinuation {

    static final String OBSERVATION = "radar.outbox.relay";

    private final ObservationRegistry observations;

    public TraceContinuation(ObservationRegistry observations) {
        this.observations = observations;
    }

    /** Runs {@code work} in the stored trace, or as it is when there is none. */
    public <T> T run(Optional<EventTraceContext> stored, Supplier<T> work) {
        if (stored.isEmpty()) {
            return work.get();
        }
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((carrier, key) -> carrier.get(key));
        context.setCarrier(stored.get().headers());
        context.setRemoteServiceName("outbox");
        return Observation.createNotStarted(OBSERVATION, () -> context, observations)
                .contextualName("outbox publish")
                .observe(work);
    }
}
