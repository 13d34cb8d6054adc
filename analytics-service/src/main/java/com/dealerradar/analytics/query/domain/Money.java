package com.dealerradar.analytics.query.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in CNY, rounded to the cent; a cost per unit is null where spend or units are zero. */
public final class Money {

    private Money() {}

    public static BigDecimal perUnit(BigDecimal spend, long units) {
        if (spend == null || spend.signum() == 0 || units == 0) {
            return null;
        }
        return spend.divide(BigDecimal.valueOf(units), 2, RoundingMode.HALF_UP);
    }

    /** Uses the rounded unit cost, so that the figure is exactly what a reader recomputes from the response. */
    public static BigDecimal times(BigDecimal unitCost, long units) {
        if (unitCost == null) {
            return null;
        }
        return unitCost.multiply(BigDecimal.valueOf(units)).setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
