package com.dealerradar.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real MongoDB (a single-node replica set) and a real Kafka broker in containers, once per test JVM,
 * so that the same integration tests also run against the engines production uses.
 */
public final class ContainerInfrastructure implements Endpoints {

    static final String MONGO_IMAGE = "mongo:8.0";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private static ContainerInfrastructure instance;

    private final MongoDBContainer mongo;
    private final KafkaContainer kafka;

    private ContainerInfrastructure(MongoDBContainer mongo, KafkaContainer kafka) {
        this.mongo = mongo;
        this.kafka = kafka;
    }

    public static boolean engineAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    public static synchronized ContainerInfrastructure get() {
        if (instance == null) {
            MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
            KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
            mongo.start();
            kafka.start();
            instance = new ContainerInfrastructure(mongo, kafka);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "radar-containers-stop"));
        }
        return instance;
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    private void stop() {
        kafka.stop();
        mongo.stop();
    }
}
