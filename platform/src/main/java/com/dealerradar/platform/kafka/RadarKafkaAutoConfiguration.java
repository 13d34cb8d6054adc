package com.dealerradar.platform.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The delivery rules of events.md: CloudEvents in binary mode, producers with {@code acks=all} and
 * idempotence, listeners that retry a record failing for a passing reason ({@link TransientFaults})
 * until it succeeds, their container paused between tries ({@link PausingBackOff}), and one failing any
 * other way a bounded number of times before they park it in {@code <topic>-dlt} (poison records that
 * cannot even be deserialized go there straight away).
 */
@AutoConfiguration(before = org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration.class)
@EnableConfigurationProperties(RadarKafkaProperties.class)
public class RadarKafkaAutoConfiguration {

    /** How long a stopping listener waits for its consumer to let go; a service must be gone within 10 s. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(3);

    @Bean("topics")
    public TopicNames topics(RadarKafkaProperties properties) {
        return new TopicNames(properties.topicPrefix());
    }

    /** Every service declares every topic with its dead-letter twin ({@link TopicDeclarations}). */
    @Bean
    public KafkaAdmin.NewTopics radarTopics(TopicNames topics, RadarKafkaProperties properties) {
        return new KafkaAdmin.NewTopics(TopicDeclarations.of(topics, properties).toArray(NewTopic[]::new));
    }

    @Bean
    public ProducerFactory<String, CloudEvent> eventProducerFactory(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        config.put(CloudEventSerializer.ENCODING_CONFIG, "BINARY");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A relay blocked on a missing broker must give up soon; the outbox sweep tries again later.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        DefaultKafkaProducerFactory<String, CloudEvent> factory = new DefaultKafkaProducerFactory<>(config);
        // Unsent events wait in their outbox, so shutting down need not wait long for in-flight sends.
        factory.setPhysicalCloseTimeout(2);
        factory.addListener(new MicrometerProducerListener<>(meters));
        return factory;
    }

    /** Observed when tracing is on ({@code TracingSwitch}): the send's span writes the Kafka {@code traceparent} header. */
    @Bean
    public KafkaTemplate<String, CloudEvent> eventTemplate(ProducerFactory<String, CloudEvent> eventProducerFactory,
            KafkaProperties kafka) {
        KafkaTemplate<String, CloudEvent> template = new KafkaTemplate<>(eventProducerFactory);
        template.setObservationEnabled(kafka.getTemplate().isObservationEnabled());
        return template;
    }

    @Bean
    public ConsumerFactory<String, CloudEvent> eventConsumerFactory(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, CloudEventDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        DefaultKafkaConsumerFactory<String, CloudEvent> factory = new DefaultKafkaConsumerFactory<>(config);
        // The clients' own metrics, consumer lag among them (kafka.consumer.fetch.manager.records.lag.max).
        factory.addListener(new MicrometerConsumerListener<>(meters));
        return factory;
    }

    @Bean
    public DeadLetters deadLetters(KafkaProperties kafka, MeterRegistry meters, TopicNames topics) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config,
                new DelegatingByTypeSerializer(Map.of(String.class, new StringSerializer()), true),
                new DelegatingByTypeSerializer(Map.of(
                        byte[].class, new ByteArraySerializer(),
                        CloudEvent.class, new EventDataSerializer()), true));
        return new DeadLetters(new KafkaTemplate<>(factory), meters, topics);
    }

    /** Reads this service's dead letters with a cursor group of its own ({@code <service>-dead-letters}). */
    @Bean
    public DeadLetterQueue deadLetterQueue(KafkaProperties kafka, DeadLetters deadLetters, TopicNames topics,
            ObjectProvider<KafkaListenerEndpointRegistry> listeners, Environment environment) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, environment.getProperty("spring.application.name", "radar") + "-dead-letters");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ByteArrayDeserializer());
        return new DeadLetterQueue(consumers::createConsumer, deadLetters.template(), topics, () -> {
            Set<String> groups = new HashSet<>();
            listeners.ifAvailable(registry -> registry.getListenerContainers()
                    .forEach(container -> groups.add(container.getGroupId())));
            return groups;
        });
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    DeadLetterController deadLetterController(DeadLetterQueue deadLetterQueue) {
        return new DeadLetterController(deadLetterQueue);
    }

    @Bean
    public PausingBackOff pausingBackOff() {
        return new PausingBackOff();
    }

    @Bean
    public DefaultErrorHandler eventErrorHandler(DeadLetters deadLetters, RadarKafkaProperties properties,
            PausingBackOff pausingBackOff) {
        DeadLetterPublishingRecoverer recoverer = deadLetters.recoverer();
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.retryBackoff().toMillis(), properties.retryAttempts() - 1L),
                pausingBackOff.handler());
        handler.setBackOffFunction((record, failure) -> TransientFaults.isTransient(failure)
                ? untilItPasses(properties) : null);
        return handler;
    }

    /** No limit on tries or time: a store that is away for an hour holds the partition for an hour. */
    private static ExponentialBackOff untilItPasses(RadarKafkaProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.transientBackoffMax().toMillis());
        return backOff;
    }

    /** A listener method may take its record as an {@code EventEnvelope} ({@link EventEnvelopeArgumentResolver}). */
    @Bean
    public KafkaListenerConfigurer eventEnvelopeListenerArguments() {
        return registrar -> registrar.setCustomMethodArgumentResolvers(new EventEnvelopeArgumentResolver());
    }

    /**
     * Observed when tracing is on ({@code TracingSwitch}): each record is handled in a span whose parent
     * is the record's Kafka {@code traceparent} header.
     */
    @Bean
    public ConcurrentKafkaListenerContainerFactory<String, CloudEvent> kafkaListenerContainerFactory(
            ConsumerFactory<String, CloudEvent> eventConsumerFactory, DefaultErrorHandler eventErrorHandler,
            KafkaProperties kafka) {
        ConcurrentKafkaListenerContainerFactory<String, CloudEvent> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(eventConsumerFactory);
        // Spring Boot's spring.kafka.listener.concurrency, which a factory of our own must apply itself
        if (kafka.getListener().getConcurrency() != null) {
            factory.setConcurrency(kafka.getListener().getConcurrency());
        }
        // A record whose offset is not committed is delivered again, so stopping need not wait for a broker that is gone.
        factory.getContainerProperties().setShutdownTimeout(SHUTDOWN_TIMEOUT.toMillis());
        factory.setCommonErrorHandler(eventErrorHandler);
        factory.getContainerProperties().setObservationEnabled(kafka.getListener().isObservationEnabled());
        return factory;
    }
}
