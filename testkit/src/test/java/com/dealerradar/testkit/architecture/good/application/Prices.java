package com.dealerradar.testkit.architecture.good.application;

import com.dealerradar.testkit.architecture.good.domain.Price;

/** A port: what the use case needs, in its own words. */
public interface Prices {
    Price of(String model);
}
