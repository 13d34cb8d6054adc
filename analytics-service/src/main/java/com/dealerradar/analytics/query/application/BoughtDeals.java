package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.Rollup;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where the missed-prospect radar counts a row's deals: under the model bought, not the model asked
 * about, when the dimension has a model. A row's deals whose model bought is not named (a deal
 * recorded before the read model kept it) count under the row's own value.
 */
final class BoughtDeals {

    private BoughtDeals() {}

    static Function<Rollup, Map<String, Long>> of(String dimension) {
        return switch (dimension) {
            case "model" -> r -> byModelBought(r, r.key().model(), model -> model);
            case "industryModel" -> r -> r.key().industry() == null || r.key().model() == null ? Map.of()
                    : byModelBought(r, r.key().industry() + "/" + r.key().model(),
                            model -> r.key().industry() + "/" + model);
            default -> r -> r.key().industry() == null || r.won() == 0 ? Map.of() : Map.of(r.key().industry(), r.won());
        };
    }

    private static Map<String, Long> byModelBought(Rollup r, String ownValue, Function<String, String> valueOf) {
        Map<String, Long> deals = new TreeMap<>();
        long named = 0;
        for (Map.Entry<String, Long> e : r.wonModels().entrySet()) {
            deals.merge(valueOf.apply(e.getKey()), e.getValue(), Long::sum);
            named += e.getValue();
        }
        if (r.won() > named && ownValue != null) {
            deals.merge(ownValue, r.won() - named, Long::sum);
        }
        return deals;
    }
}
