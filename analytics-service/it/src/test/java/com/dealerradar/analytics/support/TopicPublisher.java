package com.dealerradar.analytics.support;

import com.dealerradar.events.CloudEventCodec;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.Topics;
import com.dealerradar.events.followup.FollowUpRecorded;
import com.dealerradar.testkit.Namespace;
import com.dealerradar.testkit.SharedInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events to a test class's topics through the real broker, each to its source's topic, keyed as the services key them. */
public final class TopicPublisher implements AutoCloseable {

    private final Namespace namespace;
    private final KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafka().bootstrapServers(),
            CloudEventSerializer.ENCODING_CONFIG, "BINARY"), new StringSerializer(), new CloudEventSerializer());

    public TopicPublisher(Namespace namespace) {
        this.namespace = namespace;
    }

    /** A directory event. */
    public void dealer(EventEnvelope dealer) {
        send(Topics.DIRECTORY, dealer.subject(), dealer);
    }

    /** A lead, follow-up or defeat event. */
    public void event(EventEnvelope event) {
        send(topicOf(event), leadIdOf(event), event);
    }

    private void send(String topic, String key, EventEnvelope event) {
        try {
            producer.send(new ProducerRecord<>(namespace.topic(topic), key, CloudEventCodec.toCloudEvent(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String topicOf(EventEnvelope event) {
        return switch (event.source()) {
            case "/followup-service" -> Topics.FOLLOWUPS;
            case "/defeat-service" -> Topics.DEFEATS;
            default -> Topics.LEADS;
        };
    }

    private static String leadIdOf(EventEnvelope event) {
        return switch (event.source()) {
            case "/followup-service" -> EventJson.read(event.data(), FollowUpRecorded.class).leadId();
            case "/defeat-service" -> event.subject().substring(2);
            default -> event.subject();
        };
    }

    @Override
    public void close() {
        producer.close();
    }
}
