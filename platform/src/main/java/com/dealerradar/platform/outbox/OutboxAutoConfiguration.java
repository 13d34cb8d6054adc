package com.dealerradar.platform.outbox;

import com.dealerradar.platform.kafka.RadarKafkaAutoConfiguration;
import com.dealerradar.platform.kafka.TopicNames;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox relay and its sweep, for services that declare {@link OutboxCollections}. */
@AutoConfiguration(after = RadarKafkaAutoConfiguration.class)
@ConditionalOnBean(OutboxCollections.class)
@EnableScheduling
public class OutboxAutoConfiguration {

    @Bean
    public OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, CloudEvent> eventTemplate,
            TopicNames topics, MeterRegistry meters) {
        return new OutboxRelay(mongo, eventTemplate, topics, meters);
    }

    @Bean
    public OutboxSweeper outboxSweeper(OutboxRelay relay, OutboxCollections collections) {
        return new OutboxSweeper(relay, collections.names());
    }
}
