package com.dealerradar.testkit.architecture.bad.application;

import com.dealerradar.testkit.architecture.bad.adapter.StoredPrices;
import com.dealerradar.testkit.architecture.bad.domain.Price;

/** Breaks the rule on purpose: a use case that reaches into an adapter instead of a port. */
public class QuotePrice {
    public Price quote(String model) {
        return new StoredPrices().of(model);
    }
}
