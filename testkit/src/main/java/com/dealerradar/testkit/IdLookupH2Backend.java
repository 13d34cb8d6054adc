package com.dealerradar.testkit;

import java.util.Comparator;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** The H2 file backend kept as BSON ({@link BsonH2Backend}), with {@link IdLookup}: a filter that fixes {@code _id} reads no other document. */
class IdLookupH2Backend extends BsonH2Backend {

    IdLookupH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoCollection<Object> collection(MongoDatabase database, String collectionName,
            CollectionOptions options, MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        return new Collection(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    static class Collection extends BsonH2Backend.Collection {

        private final MVMap<Object, Document> dataMap;

        Collection(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
            this.dataMap = dataMap;
        }

        /** Every query, count, update, delete and findAndModify of the library plans here. */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            // a position is the document's key in the map; a scan walks the map in key order, or
            // (by $natural: -1) sorts the keys with ValueComparator.desc(), as H2Collection does
            Comparator<Object> naturalOrder = isNaturalDescending(orderBy)
                    ? ValueComparator.desc() : dataMap.getKeyType()::compare;
            return IdLookup.candidates(query, getIndexes(), naturalOrder)
                    .map(positions -> matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize,
                            fieldSelector))
                    .orElseGet(() -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize,
                            fieldSelector));
        }
    }
}
