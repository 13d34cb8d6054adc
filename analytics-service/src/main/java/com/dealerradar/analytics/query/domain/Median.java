package com.dealerradar.analytics.query.domain;

import java.util.Collection;
import java.util.List;

/** The median of a few values (the middle one, or the mean of the two middle ones); null when there are none. */
public final class Median {

    private Median() {}

    public static Double of(Collection<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
