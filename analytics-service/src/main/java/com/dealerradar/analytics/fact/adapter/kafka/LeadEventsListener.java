package com.dealerradar.analytics.fact.adapter.kafka;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.analytics.generation.application.ReadModels;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Applies radar.leads, radar.followups and radar.defeats in partition order; the offset is committed
 * once the fact is written and its dealer-day marked dirty. The cells follow on the next flush
 * ({@link CellFlushLoop}). Several instances may share the partitions. The event goes to the generation
 * that serves, and to the one a rebuild is building ({@link ReadModels}). {@code radar.analytics.event.lag}
 * times each event from its publication (the record's timestamp, set by the producer) to its fact written:
 * the part of analytics' lag before the flush.
 */
@Component
class LeadEventsListener {

    static final String LISTENER_ID = "analytics-lead-events";
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final ReadModels models;
    private final Timer lag;

    LeadEventsListener(ReadModels models, MeterRegistry meters) {
        this.models = models;
        this.lag = Timer.builder("radar.analytics.event.lag")
                .description("from an event's publication to its fact written and its dealer-day marked dirty")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    @KafkaListener(id = LISTENER_ID, topics = {"#{@topics.leads()}", "#{@topics.followups()}", "#{@topics.defeats()}"},
            groupId = "analytics-service")
    void on(EventEnvelope event, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long publishedAt) {
        models.applyLeadEvent(event).block(WRITE_TIMEOUT);
        lag.record(Math.max(0, System.currentTimeMillis() - publishedAt), TimeUnit.MILLISECONDS);
    }
}
