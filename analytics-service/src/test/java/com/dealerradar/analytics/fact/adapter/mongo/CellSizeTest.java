package com.dealerradar.analytics.fact.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.analytics.fact.domain.Cell;
import com.dealerradar.analytics.fact.domain.CellCalculator;
import com.dealerradar.analytics.fact.domain.CellScope;
import com.dealerradar.analytics.fact.domain.CellView;
import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.fact.domain.LeadFact;
import com.dealerradar.analytics.fact.domain.ModelNames;
import com.dealerradar.analytics.fact.domain.Rollup;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
        Random random = new Random(42);
        List<String> catalogue = new ArrayList<>();
        Map<GroupKey, List<LeadFact>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < leads; i++) {
            String model = ModelNames.normalize("model " + random.nextInt(500));
            if (!catalogue.contains(model) && ModelNames.hasRoom(catalogue)) {
                catalogue.add(model);
            }
            GroupKey key = new GroupKey("2026-11-" + String.format("%02d", 1 + random.nextInt(30)), "D1", "Chifeng",
                    "CH" + random.nextInt(11), "IND" + random.nextInt(16), ModelNames.entryOf(model, catalogue),
                    "consultant " + random.nextInt(1000));
            Instant captured = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(random.nextInt(2_500_000));
            boolean reached = random.nextBoolean();
            boolean defeat = random.nextInt(4) == 0;
            LeadFact fact = new LeadFact("L" + i, random.nextInt(5) == 0 ? "WON" : "OPEN", true, reached, captured,
                    null, reached ? (long) random.nextInt(20_000) : null, "Organization " + random.nextInt(100_000),
                    defeat ? 1 : 0, 0, 0, defeat ? "PENDING_CALLBACK" : null, defeat ? "BOUGHT_COMPETITOR" : null,
                    List.of("PRICE"), List.of(), defeat ? "Brand " + random.nextInt(5_000) : null, null,
                    defeat ? captured.plusSeconds(random.nextInt(10_000_000)) : null, Map.of("reception", 3), "A", null, null, 1, "A", null);
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(fact);
        }
        List<Rollup> groups = CellCalculator.groups(byGroup);
        Map<CellView, Integer> sizes = new LinkedHashMap<>();
        for (CellView view : CellView.values()) {
            List<Rollup> rows = CellCalculator.rows(view, "2026-11", scope, groups);
            sizes.put(view, bsonSize(CellStore.toDocument(new Cell(view.cellId("2026-11", scope), view, "2026-11", scope,
                    0, rows))));
        }
        return sizes;
    }

    private static int bsonSize(Document doc) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        new DocumentCodec().encode(new BsonBinaryWriter(buffer), doc, EncoderContext.builder().build());
        return ByteBuffer.wrap(buffer.toByteArray()).remaining();
    }
}
