package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 file store keeps documents and keys as BSON ({@link BsonStorage}): what goes in comes back out. */
class BsonStorageTest {

    @Test
    void everyBsonTypeSurvivesARestartOfTheFileStore(@TempDir Path dir) {
        Path file = dir.resolve("store.mv.db");
        Document written = new Document("_id", "every-type")
                .append("string", "集客量 ✓")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", -0.5)
                .append("decimal", Decimal128.parse("1234567.8900"))
                .append("boolean", true)
                .append("date", Date.from(Instant.parse("2026-11-30T05:00:00.123Z")))
                .append("null", null)
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("binary", new Binary(new byte[] {1, 2, 3}))
                .append("timestamp", new BsonTimestamp(1_700_000_000, 7))
                .append("minKey", new MinKey())
                .append("maxKey", new MaxKey())
                .append("array", List.of(1, "two", new Document("three", 3.0)))
                .append("nested", new Document("deeper", new Document("deepest", List.of())));
        try (EmbeddedMongo store = EmbeddedMongo.file(file, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("radar").getCollection("things");
            things.createIndex(Indexes.ascending("objectId", "long"), new IndexOptions().unique(true));
            things.insertOne(written);
            things.insertOne(new Document("_id", new ObjectId()).append("objectId", "another"));
        }
        try (EmbeddedMongo store = EmbeddedMongo.file(file, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("radar").getCollection("things");
            assertThat(things.find(new Document("_id", "every-type")).first()).isEqualTo(written);
            assertThat(things.countDocuments()).isEqualTo(2);
            assertThat(things.find(new Document("objectId", written.get("objectId")).append("long", 1L << 40)).first())
                    .isEqualTo(written);
        }
    }

    @Test
    void keysCompareInATotalOrderThatHoldsEqualOnlyWhatIsStoredAlike() {
        List<Object> values = List.of("a", "b", "", 1, 2, 1L, 2L, 1.0, -0.0, 0.0, true, false,
                Instant.EPOCH, UUID.fromString("00000000-0000-0000-0000-000000000001"),
                new de.bwaldvogel.mongo.bson.ObjectId("65a1b2c3d4e5f60718293a4b"),
                new de.bwaldvogel.mongo.bson.Document("x", 1), new de.bwaldvogel.mongo.bson.Document("x", 2),
                List.of(1, 2), List.of(2), Missing.getInstance());
        List<Object> withNull = new ArrayList<>(values);
        withNull.add(null);
        for (Object a : withNull) {
            for (Object b : withNull) {
                int ab = BsonStorage.compareValues(a, b);
                assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(BsonStorage.compareValues(b, a)));
                assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a == b || a != null && a.equals(b));
                for (Object c : withNull) {
                    if (ab < 0 && BsonStorage.compareValues(b, c) < 0) {
                        assertThat(BsonStorage.compareValues(a, c)).isNegative();
                    }
                }
            }
        }
    }

    @Test
    void aKeyReadsBackAsItWasWritten() {
        KeyValue key = new KeyValue("dealer-1", 2.0, Missing.getInstance(), null,
                new de.bwaldvogel.mongo.bson.Document("a", List.of(1, "b")));
        WriteBuffer buffer = new WriteBuffer();
        BsonStorage.KeyValueType.INSTANCE.write(buffer, key);
        BsonStorage.KeyValueType.INSTANCE.write(buffer, new KeyValue("next"));
        ByteBuffer read = buffer.getBuffer().flip();
        assertThat(BsonStorage.KeyValueType.INSTANCE.read(read)).isEqualTo(key);
        assertThat(BsonStorage.KeyValueType.INSTANCE.read(read)).isEqualTo(new KeyValue("next"));
    }

    @Test
    void aStringKeyIsStoredAsTheWireEncoderWritesIt() {
        for (String string : List.of("", "lead-1", "集客量 ✓", "a\u0000b", "x".repeat(1_000))) {
            ByteBuf wire = Unpooled.buffer();
            wire.writeByte(BsonEncoder.determineType(string));
            BsonEncoder.encodeValue(BsonEncoder.determineType(string), string, wire);
            byte[] expected = new byte[wire.readableBytes()];
            wire.readBytes(expected);

            assertThat(BsonStorage.encode(string)).as(string).isEqualTo(expected);
        }
    }

    /**
     * Documents are written from the bytes of their first write or read ({@link BsonStorage.DocumentType}):
     * what an update changed must still reach the file, also for a document read from it, and for its
     * neighbours on the same pages, which are written again unchanged.
     */
    @Test
    void updatedDocumentsSurviveRestartsAsLastWritten(@TempDir Path dir) {
        Path file = dir.resolve("store.mv.db");
        int documents = 300;
        for (int round = 0; round < 3; round++) {
            try (EmbeddedMongo store = EmbeddedMongo.file(file, 0);
                    MongoClient client = MongoClients.create(store.connectionString())) {
                MongoCollection<Document> things = client.getDatabase("radar").getCollection("things");
                if (round == 0) {
                    for (int i = 0; i < documents; i++) {
                        things.insertOne(new Document("_id", "thing-" + i).append("round", 0).append("seen", List.of()));
                    }
                }
                for (int i = 0; i < documents; i += 3) {
                    things.updateOne(new Document("_id", "thing-" + i), new Document("$inc", new Document("round", 1))
                            .append("$push", new Document("seen", round)));
                }
            }
        }
        try (EmbeddedMongo store = EmbeddedMongo.file(file, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("radar").getCollection("things");
            for (int i = 0; i < documents; i++) {
                Document thing = things.find(new Document("_id", "thing-" + i)).first();
                boolean updated = i % 3 == 0;
                assertThat(thing.getInteger("round")).as("thing-" + i).isEqualTo(updated ? 3 : 0);
                assertThat(thing.getList("seen", Integer.class)).isEqualTo(updated ? List.of(0, 1, 2) : List.of());
            }
        }
    }

    @Test
    void refusesAFileWrittenInTheUnpatchedFormat(@TempDir Path dir) {
        Path file = dir.resolve("store.mv.db");
        MVStore old = MVStore.open(file.toString());
        old.openMap("databases.radar.leads").put("lead-1", "a Java-serialized document");
        old.close();

        assertThatThrownBy(() -> EmbeddedMongo.file(file, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("older version");
    }
}
