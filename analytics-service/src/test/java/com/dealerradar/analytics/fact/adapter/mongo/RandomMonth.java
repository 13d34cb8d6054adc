package com.dealerradar.analytics.fact.adapter.mongo;

import com.dealerradar.analytics.fact.domain.CellCalculator;
import com.dealerradar.analytics.fact.domain.GroupKey;
import com.dealerradar.analytics.fact.domain.LeadFact;
import com.dealerradar.analytics.fact.domain.ModelNames;
import com.dealerradar.analytics.fact.domain.Rollup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A dealer's November 2026 of random leads, as the rollups a cell is computed from: every kind of row content
 * (free text, response times, losses with due callbacks and competitors, evidence of open and won leads).
 */
final class RandomMonth {

    static final String MONTH = "2026-11";

    private RandomMonth() {}

    static List<Rollup> groups(int leads) {
        Random random = new Random(42);
        List<String> catalogue = new ArrayList<>();
        Map<GroupKey, List<LeadFact>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < leads; i++) {
            String model = ModelNames.normalize("model " + random.nextInt(500));
            if (!catalogue.contains(model) && ModelNames.hasRoom(catalogue)) {
                catalogue.add(model);
            }
            GroupKey key = new GroupKey(MONTH + "-" + String.format("%02d", 1 + random.nextInt(30)), "D1", "Chifeng",
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
        return CellCalculator.groups(byGroup);
    }
}
