package com.dealerradar.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.dealerradar.events.Topics;
import io.cloudevents.CloudEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import com.dealerradar.testkit.RadarInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * With tracing on, an event keeps the trace it was written in through the outbox: the relay publishes
 * it later on a thread of its own, with the stored context as {@code ce_traceparent} and a producer span
 * of that trace in the Kafka {@code traceparent} header, and a listener handles it in that trace too.
 * The properties are those {@code TracingSwitch} sets for an endpoint, with spans kept in memory.
 */
@SpringBootTest(classes = OutboxTracingIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=outbox-tracing", "management.tracing.export.enabled=true",
                "management.tracing.sampling.probability=1.0",
                "spring.kafka.template.observation-enabled=true", "spring.kafka.listener.observation-enabled=true",
                "spring.reactor.context-propagation=auto", "management.opentelemetry.tracing.export.schedule-delay=100ms"})
@RadarInfrastructure
class OutboxTracingIT {

    private static final String THINGS = "traced_things";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        OutboxCollections outboxCollections() {
            return OutboxCollections.of(THINGS);
        }

        @Bean
        RecordedSpans recordedSpans() {
            return new RecordedSpans();
        }

        @Bean
        TracedListener tracedListener() {
            return new TracedListener();
        }
    }

    /** What the listener saw of one event: its two trace headers and the trace it was handled in. */
    record Received(String kafkaTraceparent, Object cloudEventTraceparent, String handledInTrace) {}

    static class TracedListener {
        final Map<String, Received> received = new ConcurrentHashMap<>();

        @KafkaListener(topics = "#{@topics.leads()}", groupId = "outbox-tracing")
        void on(ConsumerRecord<String, CloudEvent> record) {
            Header traceparent = record.headers().lastHeader("traceparent");
            received.put(record.value().getId(), new Received(
                    traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8),
                    record.value().getExtension("traceparent"),
                    io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId()));
        }
    }

    static class RecordedSpans implements SpanExporter {
        final List<SpanData> spans = new CopyOnWriteArrayList<>();

        @Override
        public CompletableResultCode export(Collection<SpanData> exported) {
            spans.addAll(exported);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        List<SpanData> ofTrace(String traceId) {
            return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
        }
    }

    @Autowired
    OutboxWrites writes;
    @Autowired
    Tracer tracer;
    @Autowired
    TracedListener listener;
    @Autowired
    RecordedSpans recorded;

    @Test
    void anEventWrittenInATraceIsPublishedAndHandledInThatTrace() {
        Span request = tracer.nextSpan().name("request").start();
        OutboxEvent event;
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            event = event("traced");
        }
        request.end();
        String traceId = request.context().traceId();

        writes.insert(THINGS, new Document("_id", "traced").append(OutboxEvent.FIELD, List.of(event.toDocument()))).block();

        await().atMost(WAIT).until(() -> listener.received.containsKey(event.id()));
        Received received = listener.received.get(event.id());
        assertThat(received.cloudEventTraceparent()).isEqualTo("00-" + traceId + "-" + request.context().spanId() + "-01");
        assertThat(received.kafkaTraceparent()).startsWith("00-" + traceId + "-")
                .isNotEqualTo(received.cloudEventTraceparent());
        assertThat(received.handledInTrace()).isEqualTo(traceId);
        await().atMost(WAIT).untilAsserted(() -> {
            List<SpanData> trace = recorded.ofTrace(traceId);
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.getName()).isEqualTo("outbox publish");
                assertThat(span.getParentSpanId()).isEqualTo(request.context().spanId());
            });
            assertThat(trace).extracting(span -> span.getKind().name()).contains("PRODUCER", "CONSUMER");
        });
    }

    @Test
    void anEventWrittenOutsideATraceIsPublishedWithoutTheTracingExtension() {
        OutboxEvent event = event("untraced");

        writes.insert(THINGS, new Document("_id", "untraced").append(OutboxEvent.FIELD, List.of(event.toDocument()))).block();

        await().atMost(WAIT).until(() -> listener.received.containsKey(event.id()));
        assertThat(listener.received.get(event.id()).cloudEventTraceparent()).isNull();
    }

    private static OutboxEvent event(String aggregateId) {
        return OutboxEvent.of(Topics.LEADS, aggregateId, "/test", "test.thing.v1", aggregateId, OffsetDateTime.now(),
                "D-1", "R-1", 1, Map.of("id", aggregateId));
    }
}
