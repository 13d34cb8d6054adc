package com.dealerradar.analytics.query.application;

import com.dealerradar.analytics.fact.domain.Rollup;
import com.dealerradar.analytics.fact.domain.RollupView;
import java.util.function.Function;

/** What a row is keyed by, and the coarsest rollup view that holds that key. */
public record Grouping(RollupView view, Function<Rollup, String> keyOf) {}
