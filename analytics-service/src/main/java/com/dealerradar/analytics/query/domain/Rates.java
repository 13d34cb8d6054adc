package com.dealerradar.analytics.query.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ratios as the API shows them: four decimals, null where the denominator is zero. */
public final class Rates {

    private static final int SCALE = 4;

    private Rates() {}

    public static Double of(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return round((double) numerator / denominator, SCALE);
    }

    public static Double round(Double value, int scale) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }
}
