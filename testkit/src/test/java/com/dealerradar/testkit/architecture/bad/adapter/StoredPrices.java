package com.dealerradar.testkit.architecture.bad.adapter;

import com.dealerradar.testkit.architecture.bad.domain.Price;

public class StoredPrices {
    public Price of(String model) {
        return new Price(1);
    }
}
