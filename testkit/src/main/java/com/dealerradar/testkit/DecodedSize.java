package com.dealerradar.testkit;

import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;

/**
 * About how many bytes of heap a decoded document takes, for the file store's page cache, which is bounded
 * by what its values say they take. A document's BSON is a poor measure: every field of a decoded one is a
 * map entry with a key string of its own, and a cell row's counts are small documents of two fields each,
 * so a cell takes seven or eight times its BSON on the heap. Counted as BSON, the cache of a twelfth of the
 * heap grew to fill two thirds of it, and a benchmark's JVM spent its time in full collections. The figures
 * are those of a 64-bit JVM with compressed references: object headers, fields and arrays as laid out.
 */
final class DecodedSize {

    private static final int MAP_ENTRY = 40;
    private static final int STRING = 40;
    private static final int BOXED = 16;

    private DecodedSize() {
    }

    static long of(Object value) {
        if (value instanceof Map<?, ?> map) {
            // A decoded document is a LinkedHashMap behind a small wrapper of its own.
            long size = (value instanceof Document ? 16 : 0) + mapOf(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += of(entry.getKey()) + of(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            long size = 40 + 4L * list.size();
            for (Object element : list) {
                size += of(element);
            }
            return size;
        }
        if (value instanceof String string) {
            return STRING + string.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        return value == null || value instanceof Boolean ? 0 : BOXED + 8;
    }

    /** A LinkedHashMap of {@code entries}: the map, its table at the default load factor, the entries. */
    private static long mapOf(int entries) {
        int table = Integer.highestOneBit(Math.max(1, (int) (entries / 0.75f)) * 2 - 1);
        return 64 + 16 + 4L * Math.max(16, table) + (long) MAP_ENTRY * entries;
    }
}
