package com.dealerradar.testkit;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.TypedH2Indexes;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 MVStore backend with its maps kept as BSON ({@link BsonStorage}) instead of
 * Java-serialized objects: the same maps under the same names, the same collections and indexes.
 */
class BsonH2Backend extends H2Backend {

    BsonH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return HelloCommand.reply(command, super.handleCommand(channel, databaseName, HelloCommand.known(command), query));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** The collection over the maps {@link Database} opened; a subclass may plan queries its own way. */
    protected MongoCollection<Object> collection(MongoDatabase database, String collectionName,
            CollectionOptions options, MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        return new Collection(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    /** An H2 collection whose queries answer copies ({@link DocumentCopies}); an update puts its copy back whole. */
    static class Collection extends H2Collection {

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
            return super.createQueryResult(DocumentCopies.of(matchedDocuments), batchSize);
        }
    }

    /**
     * An inner class, not a static one: H2Database's constructor already opens the existing collections,
     * before a field of this class could hold the store, so the store is taken from the enclosing backend.
     */
    class Database extends H2Database {

        Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
            super(databaseName, store, cursorRegistry);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> dataMap = store.openMap("databases." + fullName,
                    new MVMap.Builder<Object, Document>()
                            .keyType(BsonStorage.ValueType.INSTANCE)
                            .valueType(BsonStorage.DocumentType.INSTANCE));
            return collection(this, collectionName, options, dataMap, store.openMap("meta." + fullName),
                    cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            MVMap<KeyValue, Object> indexMap = getMvStore().openMap(
                    getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>()
                            .keyType(BsonStorage.KeyValueType.INSTANCE)
                            .valueType(BsonStorage.ValueType.INSTANCE));
            return TypedH2Indexes.uniqueIndex(indexMap, indexName, keys, sparse);
        }
    }
}
