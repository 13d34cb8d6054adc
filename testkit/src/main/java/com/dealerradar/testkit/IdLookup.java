package com.dealerradar.testkit;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The one planning rule added to mongo-java-server. Unpatched, it answers from the {@code _id} index only
 * when the filter is nothing but {@code _id}; a filter that fixes {@code _id} and names one more field
 * ({@code {_id, version}}, {@code {_id, leadSequence: {$lt: 7}}}) reads every document of the collection.
 * Such a filter can only match the documents the {@code _id} index holds for it, so this rule hands those
 * few to the library's own matching, sorting, skipping and projection, and leaves every other filter to the
 * library's own plan.
 */
final class IdLookup {

    private static final String ID = "_id";
    private static final String ID_INDEX = "_id_";

    private IdLookup() {
    }

    /**
     * The positions of the only documents that can match {@code filter}, in the collection's natural order;
     * empty when the filter does not fix {@code _id} by equality or {@code $in}, or when the library
     * already answers it from an index (its plan and its order stay as they were).
     */
    static <P> Optional<List<P>> candidates(Document filter, List<Index<P>> indexes, Comparator<P> naturalOrder) {
        if (!filter.containsKey(ID) || indexes.stream().anyMatch(index -> index.canHandle(filter))) {
            return Optional.empty();
        }
        Optional<Index<P>> idIndex = indexes.stream().filter(IdLookup::isIdIndex).findFirst();
        Optional<Document> idQuery = idQuery(filter.get(ID));
        if (idIndex.isEmpty() || idQuery.isEmpty()) {
            return Optional.empty();
        }
        // a set, because $in may name one document twice (1 and 1.0); sorted, because a scan meets
        // documents in natural order, and sort ties, skip and limit must see them in that order too
        Collection<P> positions = new TreeSet<>(naturalOrder);
        idIndex.get().getPositions(idQuery.get()).forEach(positions::add);
        return Optional.of(List.copyOf(positions));
    }

    private static boolean isIdIndex(Index<?> index) {
        return index.getName().equals(ID_INDEX) && index.getKeys().size() == 1
                && index.getKeys().get(0).getKey().equals(ID);
    }

    /** The filter on {@code _id} as the index looks it up, when it is an equality or an {@code $in} of plain values. */
    private static Optional<Document> idQuery(Object condition) {
        if (isPlainValue(condition)) {
            return Optional.of(new Document(ID, condition));
        }
        if (!(condition instanceof Document operators) || operators.size() != 1) {
            return Optional.empty();
        }
        if (operators.containsKey("$eq") && isPlainValue(operators.get("$eq"))) {
            return Optional.of(new Document(ID, operators.get("$eq")));
        }
        if (operators.get("$in") instanceof Collection<?> values && values.stream().allMatch(IdLookup::isPlainValue)) {
            return Optional.of(new Document(ID, new Document("$in", values)));
        }
        return Optional.empty();
    }

    /**
     * A value that matches by equality alone. Not null (it matches a missing field), not an array (its
     * elements match too), not a regular expression (it matches by pattern), not an operator document.
     */
    private static boolean isPlainValue(Object value) {
        if (!Missing.isNeitherNullNorMissing(value) || value instanceof Collection
                || BsonRegularExpression.isRegularExpression(value)) {
            return false;
        }
        return !(value instanceof Document document) || document.keySet().stream().noneMatch(key -> key.startsWith("$"));
    }
}
