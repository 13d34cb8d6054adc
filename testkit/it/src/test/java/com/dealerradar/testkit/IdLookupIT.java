package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The patched store answers every filter exactly as the unpatched one: the same documents, in the same
 * order, with the same counts, updates, upserts, deletions and errors. Each filter meets each operation on
 * fresh, identical data in both stores.
 */
class IdLookupIT {

    /** Ids of several types, inserted out of order, with one slot freed and reused, so natural order is not id order. */
    private static final List<String> DOCUMENTS = List.of(
            "{_id: 'g', version: 3, leadSequence: 4, outbox: [{id: 'e1'}], tags: ['x'], status: {code: 'OPEN'}}",
            "{_id: 'c', version: 3, leadSequence: 6, outbox: [{id: 'e2'}, {id: 'e3'}], tags: ['x', 'y'], status: {code: 'OPEN'}}",
            "{_id: 'a', version: 1, leadSequence: 9, outbox: [], tags: ['x'], status: {code: 'CLOSED'}}",
            "{_id: 'e', version: 2}",
            "{_id: 'd', version: 5, leadSequence: 8, outbox: [], tags: []}",
            "{_id: 1, version: 3, outbox: [{id: 'e4'}]}",
            "{_id: {$numberLong: '2'}, version: 3}",
            "{_id: 3.5, version: 0}",
            "{_id: {dealer: 'd1', day: '2026-01-01'}, count: 4, version: 3}",
            "{_id: {$oid: '65a000000000000000000001'}, version: 3}",
            "{_id: 'b', version: 3, leadSequence: 7}",
            "{_id: 'h', version: 2, tags: ['x']}");
    private static final String REPLACES_FREED_SLOT = "{_id: 'z', version: 3, tags: ['x'], outbox: [{id: 'e5'}]}";

    private static final List<String> FILTERS = List.of(
            "{_id: 'c'}",
            "{_id: 'c', version: 3}",
            "{_id: 'c', version: 4}",
            "{_id: 'c', leadSequence: {$lt: 7}}",
            "{_id: 'd', leadSequence: {$lt: 7}}",
            "{_id: 'c', 'outbox.0': {$exists: true}}",
            "{_id: 'd', 'outbox.0': {$exists: true}}",
            "{_id: 'c', 'status.code': 'OPEN'}",
            "{_id: 'c', $or: [{version: 5}, {leadSequence: 6}]}",
            "{_id: 'c', version: 3, leadSequence: {$lt: 100}, 'outbox.1': {$exists: true}}",
            "{_id: 'missing', version: 3}",
            "{_id: {$eq: 'c'}}",
            "{_id: {$eq: 'c'}, version: 3}",
            "{_id: {$in: ['g', 'c', 'missing', 'a', 'z', 'h']}, version: {$gte: 1}}",
            "{_id: {$in: ['g', 'c', 'c', 'a']}, 'outbox.0': {$exists: true}}",
            "{_id: {$in: ['a', 'b', 'c', 'd', 'g', 'h', 'z', 1, 3.5]}, tags: 'x'}",
            "{_id: {$in: []}, version: 3}",
            "{_id: {$in: [1.0, {$numberLong: '1'}, 2, 3.5]}, version: {$exists: true}}",
            "{_id: 1.0, version: {$gte: 0}}",
            "{_id: 2, version: 3}",
            "{_id: {dealer: 'd1', day: '2026-01-01'}, count: {$gte: 0}}",
            "{_id: {day: '2026-01-01', dealer: 'd1'}, count: {$gte: 0}}",
            "{_id: {$oid: '65a000000000000000000001'}, version: 3}",
            "{_id: {$gt: 'b'}, version: 3}",
            "{_id: {$gt: 'b'}}",
            "{_id: {$ne: 'c'}, version: 3}",
            "{_id: {$regex: '^[ab]'}, version: {$gte: 0}}",
            "{_id: {$in: ['a', {$regex: '^c'}]}, version: {$gte: 0}}",
            "{_id: {$in: ['a', null]}, version: {$gte: 0}}",
            "{_id: null, version: 3}",
            "{_id: {$eq: null}, version: 3}",
            "{_id: {$gte: 'c', $lte: 'g'}, version: 3}",
            "{version: 3}");

    private record Operation(String name, BiFunction<MongoCollection<Document>, Bson, Object> run) {
    }

    private static final Document INC_VERSION = Document.parse("{$inc: {version: 1}}");
    private static final Document SET_TOUCHED = Document.parse("{$set: {touched: true}}");

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("find", (c, f) -> c.find(f).into(new ArrayList<>())),
            new Operation("find sorted", (c, f) -> c.find(f).sort(Document.parse("{version: -1}")).into(new ArrayList<>())),
            new Operation("find $natural -1", (c, f) -> c.find(f).sort(Document.parse("{$natural: -1}")).into(new ArrayList<>())),
            new Operation("find projected", (c, f) -> c.find(f).projection(Document.parse("{version: 1, _id: 0}")).into(new ArrayList<>())),
            new Operation("find skip limit", (c, f) -> c.find(f).skip(1).limit(2).into(new ArrayList<>())),
            new Operation("find limit 1", (c, f) -> c.find(f).limit(1).into(new ArrayList<>())),
            new Operation("count", (c, f) -> c.countDocuments(f)),
            new Operation("distinct", (c, f) -> c.distinct("version", f, Integer.class).into(new ArrayList<>())),
            new Operation("updateOne", (c, f) -> c.updateOne(f, INC_VERSION)),
            new Operation("updateMany", (c, f) -> c.updateMany(f, SET_TOUCHED)),
            new Operation("upsert", (c, f) -> c.updateOne(f, SET_TOUCHED, new UpdateOptions().upsert(true))),
            new Operation("deleteOne", (c, f) -> c.deleteOne(f)),
            new Operation("deleteMany", (c, f) -> c.deleteMany(f)),
            new Operation("findOneAndUpdate", (c, f) -> c.findOneAndUpdate(f, INC_VERSION,
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))),
            new Operation("findOneAndUpdate sorted upsert", (c, f) -> c.findOneAndUpdate(f, SET_TOUCHED,
                    new FindOneAndUpdateOptions().sort(Document.parse("{version: 1}")).upsert(true))),
            new Operation("findOneAndDelete", (c, f) -> c.findOneAndDelete(f)));

    static Stream<Arguments> backends() {
        Supplier<MongoBackend> patchedMemory = IdLookupMemoryBackend::new;
        Supplier<MongoBackend> unpatchedMemory = MemoryBackend::new;
        Supplier<MongoBackend> patchedH2 = () -> new IdLookupH2Backend(MVStore.open(null));
        Supplier<MongoBackend> unpatchedH2 = () -> new BsonH2Backend(MVStore.open(null));
        return Stream.of(Arguments.of("memory", patchedMemory, unpatchedMemory),
                Arguments.of("h2", patchedH2, unpatchedH2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void answersEveryFilterAsTheUnpatchedStore(String name, Supplier<MongoBackend> patched,
            Supplier<MongoBackend> unpatched) {
        try (Store patchedStore = new Store(patched.get()); Store unpatchedStore = new Store(unpatched.get())) {
            SoftAssertions softly = new SoftAssertions();
            for (String filter : FILTERS) {
                for (Operation operation : OPERATIONS) {
                    Outcome expected = unpatchedStore.outcome(operation, filter);
                    Outcome actual = patchedStore.outcome(operation, filter);
                    softly.assertThat(actual).as("%s on %s", operation.name(), filter).isEqualTo(expected);
                }
            }
            softly.assertAll();

            // the table above is not vacuous: guarded filters do find their document
            assertThat(patchedStore.outcome(OPERATIONS.get(0), "{_id: 'c', version: 3}").result())
                    .contains("\"_id\": \"c\"");
            assertThat(patchedStore.outcome(OPERATIONS.get(6), "{_id: {$in: ['g', 'c', 'missing', 'a', 'z', 'h']}, version: {$gte: 1}}").result())
                    .isEqualTo("5");
        }
    }

    /** What an operation answered, and which documents the collection held afterwards; generated ids are blanked. */
    record Outcome(String result, String contents) {
    }

    private static final class Store implements AutoCloseable {

        private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

        private final MongoServer server;
        private final MongoClient client;
        private final MongoCollection<Document> collection;

        Store(MongoBackend backend) {
            server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
            collection = client.getDatabase("radar").getCollection("guarded");
        }

        Outcome outcome(Operation operation, String filter) {
            collection.drop();
            DOCUMENTS.forEach(json -> collection.insertOne(Document.parse(json)));
            collection.deleteOne(Document.parse("{_id: 'e'}"));
            collection.insertOne(Document.parse(REPLACES_FREED_SLOT));
            String result;
            try {
                result = render(operation.run().apply(collection, Document.parse(filter)));
            } catch (MongoException e) {
                result = "error " + e.getCode();
            }
            // as a sorted list: on H2, natural order puts a generated (random) id anywhere among the others
            List<String> contents = collection.find().map(Store::render).into(new ArrayList<>());
            return new Outcome(result, contents.stream().sorted().toList().toString());
        }

        /** Extended JSON, so that 1, 1L and 1.0 stay apart; generated ids (and the fixed ObjectId) read alike. */
        private static String render(Object value) {
            String text;
            if (value instanceof Document document) {
                text = document.toJson(EXTENDED);
            } else if (value instanceof List<?> list) {
                text = list.stream().map(Store::render).toList().toString();
            } else {
                text = String.valueOf(value);
            }
            return text.replaceAll("[0-9a-f]{24}", "<object id>");
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
