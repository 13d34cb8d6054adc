package com.dealerradar.testkit;

/** What a {@link RadarInfrastructure} test runs on. */
public enum Backend {
    /** The embedded KRaft broker and mongo-java-server, in this JVM: runs everywhere, fast. */
    EMBEDDED,
    /** Real MongoDB and Kafka images through Testcontainers; such tests are skipped where no container engine runs. */
    CONTAINERS
}
