package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @Test
    void findsWhatWasInsertedAndRejectsDuplicatesOfAUniqueIndex() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(mongo.connectionString()).startsWith("mongodb://127.0.0.1:");
            MongoCollection<Document> leads = client.getDatabase("radar").getCollection("leads");
            leads.createIndex(Indexes.ascending("dealerId", "externalRef"), new IndexOptions().unique(true));

            leads.insertOne(new Document("dealerId", "d1").append("externalRef", "r1").append("model", "Tiguan"));

            assertThat(leads.find(new Document("dealerId", "d1")).first()).containsEntry("model", "Tiguan");
            assertThatThrownBy(() -> leads.insertOne(new Document("dealerId", "d1").append("externalRef", "r1")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCode()).isEqualTo(11000));
        }
    }

    /** The handshake of MongoDB 4.4.2 on, which Spring Boot's Mongo health indicator sends to the admin database. */
    @Test
    void bothStoresAnswerHelloAsAWritablePrimary(@TempDir Path dir) {
        try (EmbeddedMongo memory = EmbeddedMongo.inMemory(0);
                EmbeddedMongo file = EmbeddedMongo.file(dir.resolve("store.mv.db"), 0)) {
            for (EmbeddedMongo mongo : List.of(memory, file)) {
                try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                    Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
                    assertThat(hello).containsEntry("isWritablePrimary", true).containsKey("maxWireVersion");
                    assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void fileStoreKeepsDataAcrossARestartOnTheSamePort(@TempDir Path dir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.file(dir.resolve("store.mv.db"), 0)) {
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                client.getDatabase("radar").getCollection("leads").insertOne(new Document("_id", "lead-1"));
            }
            int portBefore = mongo.port();

            mongo.restart();

            assertThat(mongo.port()).isEqualTo(portBefore);
            try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                assertThat(client.getDatabase("radar").getCollection("leads").countDocuments()).isEqualTo(1);
            }
        }
    }
}
