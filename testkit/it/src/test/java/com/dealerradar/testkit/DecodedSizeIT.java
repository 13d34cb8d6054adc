package com.dealerradar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class DecodedSizeIT {

    private static final int COPIES = 2_000;

    /**
     * Decodes a dashboard cell's worth of BSON many times over, as the file store's page cache holds it, and
     * compares what the heap grew by with the estimate. The estimate must be of the right size, and much
     * more than the BSON, which is what the cache counted before.
     */
    @Test
    void aDecodedCellIsEstimatedAtAboutWhatItTakesOnTheHeap() throws Exception {
        byte[] bson = encode(cell());
        long estimate = DecodedSize.of(decode(bson));
        List<Document> held = new ArrayList<>(COPIES);
        long before = usedAfterCollecting();
        for (int i = 0; i < COPIES; i++) {
            held.add(decode(bson));
        }
        long perCopy = (usedAfterCollecting() - before) / COPIES;

        assertThat(held).hasSize(COPIES);
        assertThat((double) estimate / perCopy).isBetween(0.6, 1.6);
        assertThat(estimate).isGreaterThan(4L * bson.length);
    }

    private static Document cell() {
        List<Document> rows = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            List<Document> byReason = new ArrayList<>();
            for (int k = 0; k < 6; k++) {
                byReason.add(new Document("k", "REASON_" + k).append("n", (long) k * r));
            }
            rows.add(new Document("region", "Chifeng").append("industry", "INDUSTRY_" + r).append("model", "CS75 PLUS")
                    .append("captured", 120L + r).append("traffic", 110L + r).append("kept", 90L).append("won", 12L)
                    .append("byReason", byReason).append("organizations", List.of("Org A " + r, "Org B " + r)));
        }
        return new Document("_id", "INDUSTRY_MODEL|2026|R:Chifeng").append("version", 7L).append("view", "INDUSTRY_MODEL")
                .append("period", "2026").append("level", "REGION").append("scope", "Chifeng").append("rows", rows);
    }

    private static byte[] encode(Document document) throws Exception {
        ByteBuf buffer = Unpooled.buffer();
        BsonEncoder.encodeDocument(document, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    private static Document decode(byte[] bson) throws Exception {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    private static long usedAfterCollecting() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
