package com.dealerradar.testkit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the H2 file store keeps documents and keys: as BSON, the way they crossed the wire.
 *
 * <p>Unpatched, mongo-java-server opens its MVStore maps with H2's {@code ObjectDataType}, which knows
 * none of the library's classes: it writes every document with Java serialization, and it compares two
 * index keys ({@link KeyValue}, not {@link Comparable}) by serializing both. An {@code _id} lookup in an
 * index of 100,000 keys therefore ran some 40 Java serializations, and a profile of the local stack under
 * load spent three quarters of the store's time in them. Here a document is BSON, a key is a type tag and
 * its BSON value, and two keys compare without encoding anything when their values are of a plainly
 * ordered class.
 *
 * <p>Key order only has to be a total order that agrees with the library's notion of equal keys: values
 * are ordered by class first, then by {@code compareTo} for the classes listed in {@link #NATURALLY_ORDERED}
 * and by their encoded bytes otherwise. Equal keys stay exactly the keys whose stored forms are equal, as
 * under Java serialization. A file written with the unpatched types cannot be read with these ones
 * ({@link DurableH2Backend} refuses it).
 */
final class BsonStorage {

    /** Classes whose {@code compareTo} is 0 exactly for equal values, so it may stand for the byte comparison. */
    private static final Set<Class<?>> NATURALLY_ORDERED = Set.of(String.class, Integer.class, Long.class,
            Double.class, Boolean.class, Instant.class, UUID.class, ObjectId.class);

    /** Tag of the library's "no such field" marker, which has no BSON form; 0 is never a BSON type. */
    private static final byte MISSING = 0;

    private BsonStorage() {
    }

    /** The data maps' values. */
    static final class DocumentType extends BasicDataType<Document> {

        static final DocumentType INSTANCE = new DocumentType();

        /**
         * The BSON of the documents the maps hold, by identity, for as long as each document lives. A commit
         * writes every document of each page it changed, and a page holds a few dozen documents besides the
         * one that changed: a profile of the local stack loading the demo spent 44% of the store's time
         * encoding them again. A stored document is never changed in place (an update changes a copy and puts
         * it back whole: {@link DocumentCopies}), so the bytes of its first encoding (when it is put), or of
         * its read from the file, stay its bytes. At most a thirty-second of the heap, kept for the documents written or read
         * most recently and most often: a document whose bytes were let go is encoded again when next written.
         */
        private static final Cache<Document, byte[]> ENCODED = Caffeine.newBuilder().weakKeys()
                .maximumWeight(Runtime.getRuntime().maxMemory() / 32)
                .weigher((Document document, byte[] encoded) -> encoded.length)
                .executor(Runnable::run).build();

        /**
         * What the page cache counts a document as: its decoded size ({@link DecodedSize}). Asked when a
         * document is put, which is also when it is encoded: that encoding then serves the commit that writes it.
         */
        @Override
        public int getMemory(Document document) {
            encoded(document);
            return (int) Math.min(Integer.MAX_VALUE, DecodedSize.of(document));
        }

        @Override
        public void write(WriteBuffer buffer, Document document) {
            buffer.put(encoded(document));
        }

        private static byte[] encoded(Document document) {
            return ENCODED.get(document, DocumentType::encode);
        }

        @Override
        public Document read(ByteBuffer buffer) {
            int start = buffer.position();
            ByteBuf bson = Unpooled.wrappedBuffer(buffer);
            Document document = BsonDecoder.decodeBson(bson);
            byte[] encoded = new byte[bson.readerIndex()];
            buffer.get(start, encoded);
            buffer.position(start + encoded.length);
            ENCODED.put(document, encoded);
            return document;
        }

        @Override
        public int compare(Document a, Document b) {
            return a == b ? 0 : Arrays.compare(encode(a), encode(b));
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }

        private static byte[] encode(Document document) {
            ByteBuf bson = Unpooled.buffer(256);
            BsonEncoder.encodeDocument(document, bson);
            return bytes(bson);
        }
    }

    /** The data maps' keys: a document's {@code _id}, or {@link Missing} for a document without one. */
    static final class ValueType extends BasicDataType<Object> {

        static final ValueType INSTANCE = new ValueType();

        @Override
        public int getMemory(Object value) {
            return encode(value).length;
        }

        @Override
        public void write(WriteBuffer buffer, Object value) {
            writeValue(buffer, value);
        }

        @Override
        public Object read(ByteBuffer buffer) {
            return readValue(buffer);
        }

        @Override
        public int compare(Object a, Object b) {
            return compareValues(a, b);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /** The unique indexes' keys: one value per indexed field. */
    static final class KeyValueType extends BasicDataType<KeyValue> {

        static final KeyValueType INSTANCE = new KeyValueType();

        @Override
        public int getMemory(KeyValue key) {
            int memory = 8;
            for (Object value : key) {
                memory += encode(value).length;
            }
            return memory;
        }

        @Override
        public void write(WriteBuffer buffer, KeyValue key) {
            buffer.putVarInt(key.size());
            for (Object value : key) {
                writeValue(buffer, value);
            }
        }

        @Override
        public KeyValue read(ByteBuffer buffer) {
            Object[] values = new Object[DataUtils.readVarInt(buffer)];
            for (int i = 0; i < values.length; i++) {
                values[i] = readValue(buffer);
            }
            return new KeyValue(values);
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int common = Math.min(a.size(), b.size());
            for (int i = 0; i < common; i++) {
                int order = compareValues(a.get(i), b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (NATURALLY_ORDERED.contains(a.getClass())) {
            return ((Comparable) a).compareTo(b);
        }
        return Arrays.compare(encode(a), encode(b));
    }

    private static void writeValue(WriteBuffer buffer, Object value) {
        buffer.put(encode(value));
    }

    private static Object readValue(ByteBuffer buffer) {
        byte type = buffer.get();
        if (type == MISSING) {
            return Missing.getInstance();
        }
        ByteBuf bson = Unpooled.wrappedBuffer(buffer);
        Object value = BsonDecoder.decodeValue(type, bson);
        buffer.position(buffer.position() + bson.readerIndex());
        return value;
    }

    static byte[] encode(Object value) {
        if (value instanceof Missing) {
            return new byte[] {MISSING};
        }
        if (value instanceof String string) {
            return encodeString(string);
        }
        ByteBuf bson = Unpooled.buffer(32);
        byte type = BsonEncoder.determineType(value);
        bson.writeByte(type);
        BsonEncoder.encodeValue(type, value, bson);
        return bytes(bson);
    }

    /**
     * A string, the commonest key, as {@link BsonEncoder} writes it (type, little-endian length with the
     * terminating zero, UTF-8, zero) without a buffer of its own in between: a commit writes every key of
     * each page it changed, and these were a tenth of the store's time.
     */
    private static byte[] encodeString(String string) {
        byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
        byte[] encoded = new byte[utf8.length + 6];
        encoded[0] = BsonConstants.TYPE_UTF8_STRING;
        int length = utf8.length + 1;
        for (int i = 0; i < 4; i++) {
            encoded[1 + i] = (byte) (length >>> (8 * i));
        }
        System.arraycopy(utf8, 0, encoded, 5, utf8.length);
        return encoded;
    }

    private static byte[] bytes(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }
}
