package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SharedInfrastructureIT {

    @Test
    void aStoreRunningElsewhereIsUsedAndLeftRunning() {
        try (EmbeddedMongo elsewhere = EmbeddedMongo.inMemory(0)) {
            SharedInfrastructure infrastructure = SharedInfrastructure.startAll(elsewhere.connectionString());
            try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
                client.getDatabase("radar").getCollection("probe").insertOne(new Document("_id", "p1"));
            } finally {
                infrastructure.shutdown();
            }

            assertThat(infrastructure.mongoUri()).isEqualTo(elsewhere.connectionString());
            assertThatThrownBy(infrastructure::mongo).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(elsewhere.connectionString());
            assertThat(elsewhere.isRunning()).isTrue();
            try (MongoClient client = MongoClients.create(elsewhere.connectionString())) {
                assertThat(client.getDatabase("radar").getCollection("probe").countDocuments()).isEqualTo(1);
            }
        }
    }
}
