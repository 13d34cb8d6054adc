package com.dealerradar.testkit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Comparator;
import java.util.List;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.MongoDatabase;
import io.netty.channel.Channel;

/** mongo-java-server's in-memory backend with {@link IdLookup}: a filter that fixes {@code _id} reads no other document. */
class IdLookupMemoryBackend extends MemoryBackend {

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return HelloCommand.reply(command, super.handleCommand(channel, databaseName, HelloCommand.known(command), query));
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    static class Database extends MemoryDatabase {

        Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new Collection(this, collectionName, options, cursorRegistry);
        }
    }

    static class Collection extends MemoryCollection {

        private static final VarHandle DOCUMENTS = documentsHandle();

        /** The library's own list of the stored documents, by position; it keeps no setter for a slot. */
        private final List<Document> documents;

        @SuppressWarnings("unchecked")
        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
            this.documents = (List<Document>) DOCUMENTS.get(this);
        }

        private static VarHandle documentsHandle() {
            try {
                return MethodHandles.privateLookupIn(MemoryCollection.class, MethodHandles.lookup())
                        .findVarHandle(MemoryCollection.class, "documents", List.class);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("mongo-java-server's MemoryCollection no longer keeps its documents in a list", e);
            }
        }

        /** Answers copies ({@link DocumentCopies}), so that an update changes a copy, never what a reader holds. */
        @Override
        protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
            return super.createQueryResult(DocumentCopies.of(matchedDocuments), batchSize);
        }

        /** The library updates in place and does nothing here; an update of a copy is put back whole instead. */
        @Override
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            documents.set(position, newDocument);
        }

        /** Every query, count, update, delete and findAndModify of the library plans here. */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            // a position is the document's slot in the list a scan walks, forwards or (by $natural: -1) backwards
            Comparator<Integer> naturalOrder = isNaturalDescending(orderBy)
                    ? Comparator.reverseOrder() : Comparator.naturalOrder();
            return IdLookup.candidates(query, getIndexes(), naturalOrder)
                    .map(positions -> matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize,
                            fieldSelector))
                    .orElseGet(() -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize,
                            fieldSelector));
        }
    }
}
