package de.bwaldvogel.mongo.backend.h2;

import java.util.List;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.MVMap;

/**
 * Lives in the library's package only because {@link H2UniqueIndex}'s constructor is package-private: the
 * testkit's H2 backend opens an index's map with key and value types of its own
 * ({@code com.dealerradar.testkit.BsonStorage}) and hands it to the library's index unchanged.
 */
public final class TypedH2Indexes {

    private TypedH2Indexes() {
    }

    public static H2UniqueIndex uniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys,
            boolean sparse) {
        return new H2UniqueIndex(map, name, keys, sparse);
    }
}
