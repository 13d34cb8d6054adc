package com.dealerradar.testkit.architecture.good.application;

import com.dealerradar.testkit.architecture.good.domain.Price;

public class QuotePrice {
    private final Prices prices;

    public QuotePrice(Prices prices) {
        this.prices = prices;
    }

    public Price quote(String model) {
        return prices.of(model);
    }
}
