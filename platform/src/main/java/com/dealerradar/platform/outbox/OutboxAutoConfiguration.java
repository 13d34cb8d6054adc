package com.dealerradar.platform.outbox;

import com.dealerradar.platform.kafka.RadarKafkaAutoConfiguration;
import com.dealerradar.platform.kafka.TopicNames;
import com.dealerradar.platform.tracing.TraceContinuation;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox writes, relay and sweep, for services that declare {@link OutboxCollections}. The sweep is
 * scheduled, under a lease, by {@code SchedulingAutoConfiguration}.
 */
@AutoConfiguration(after = RadarKafkaAutoConfiguration.class)
@ConditionalOnBean(OutboxCollections.class)
public class OutboxAutoConfiguration {

    @Bean
    public OutboxMarkers outboxMarkers(ReactiveMongoTemplate mongo) {
        return new OutboxMarkers(mongo);
    }

    @Bean
    public TraceContinuation outboxTraceContinuation(ObjectProvider<ObservationRegistry> observations) {
        return new TraceContinuation(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    public OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, OutboxMarkers markers,
            KafkaTemplate<String, CloudEvent> eventTemplate, TopicNames topics, MeterRegistry meters,
            TraceContinuation outboxTraceContinuation, @Value("${radar.outbox.abandon-after:1m}") Duration abandonAfter,
            @Value("${radar.outbox.send-timeout:30s}") Duration sendTimeout) {
        return new OutboxRelay(mongo, markers, eventTemplate, topics, meters, outboxTraceContinuation, abandonAfter,
                sendTimeout);
    }

    @Bean
    public OutboxWrites outboxWrites(ReactiveMongoTemplate mongo, OutboxMarkers markers, OutboxRelay relay) {
        return new OutboxWrites(mongo, markers, relay);
    }

    @Bean
    public OutboxSweeper outboxSweeper(OutboxRelay relay, OutboxCollections collections, MeterRegistry meters) {
        return new OutboxSweeper(relay, collections.names(), meters);
    }
}
