package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.CellView;
import com.dealerradar.analytics.fact.domain.Rollup;
import java.util.function.Function;

/**
 * What a row is keyed by, and the cell view that holds that key; {@code byRegion} when the key also
 * needs the region of each row, which a group's read then takes from the regions' cells.
 */
public record Grouping(CellView view, Function<Rollup, String> keyOf, boolean byRegion) {

    public Grouping(CellView view, Function<Rollup, String> keyOf) {
        this(view, keyOf, false);
    }
}
