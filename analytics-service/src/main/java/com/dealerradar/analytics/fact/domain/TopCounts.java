package com.dealerradar.analytics.fact.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts by a free-text key, capped: the {@code max} largest, and the rest summed under {@link Rollup#OTHER}. */
public final class TopCounts {

    private TopCounts() {}

    public static Map<String, Long> of(Map<String, Long> counts, int max) {
        if (counts.size() <= max) {
            return new TreeMap<>(counts);
        }
        List<Map.Entry<String, Long>> largest = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        Map<String, Long> capped = new TreeMap<>();
        for (Map.Entry<String, Long> entry : largest) {
            if (capped.size() < max - 1 && !Rollup.OTHER.equals(entry.getKey())) {
                capped.put(entry.getKey(), entry.getValue());
            } else {
                capped.merge(Rollup.OTHER, entry.getValue(), Long::sum);
            }
        }
        return capped;
    }
}
