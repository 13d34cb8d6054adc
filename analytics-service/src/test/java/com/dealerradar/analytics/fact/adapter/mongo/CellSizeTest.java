package com.dealerradar.analytics.fact.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.analytics.fact.domain.Cell;
import com.dealerradar.analytics.fact.domain.CellCalculator;
import com.dealerradar.analytics.fact.domain.CellScope;
import com.dealerradar.analytics.fact.domain.CellView;
import com.dealerradar.analytics.fact.domain.Rollup;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.Test;

/**
 * A cell's document does not grow with its leads: free text (models, consultants, competitor brands,
 * organizations) and per-lead values (response times, callback due times) are all bounded. A dealer's
 * and a region's month with 100 leads against one with 10,000 and 20,000, every view: the larger ones
 * fill more of the fixed buckets and capped lists, but stay under one bound.
 */
class CellSizeTest {

    private static final int BOUND = 256 * 1024;

    @Test
    void aCellOfTenThousandLeadsStaysWithinItsBound() {
        for (CellScope scope : List.of(CellScope.dealer("D1"), CellScope.region("Chifeng"), CellScope.GROUP)) {
            Map<CellView, Integer> small = sizes(100, scope);
            Map<CellView, Integer> large = sizes(10_000, scope);
            Map<CellView, Integer> larger = sizes(20_000, scope);
            for (CellView view : CellView.values()) {
                assertThat(large.get(view)).as("%s of %s, 10,000 leads (100: %d bytes)", view, scope.id(), small.get(view))
                        .isLessThanOrEqualTo(BOUND);
                assertThat(larger.get(view)).as("%s of %s, twice the leads", view, scope.id())
                        .isLessThanOrEqualTo(BOUND);
            }
        }
    }

    private static Map<CellView, Integer> sizes(int leads, CellScope scope) {
        List<Rollup> groups = RandomMonth.groups(leads);
        Map<CellView, Integer> sizes = new LinkedHashMap<>();
        for (CellView view : CellView.values()) {
            List<Rollup> rows = CellCalculator.rows(view, RandomMonth.MONTH, scope, groups);
            sizes.put(view, bsonSize(CellStore.toDocument(Cell.of(view, RandomMonth.MONTH, scope, 0, rows))));
        }
        return sizes;
    }

    private static int bsonSize(Document doc) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        new DocumentCodec().encode(new BsonBinaryWriter(buffer), doc, EncoderContext.builder().build());
        return ByteBuffer.wrap(buffer.toByteArray()).remaining();
    }
}
