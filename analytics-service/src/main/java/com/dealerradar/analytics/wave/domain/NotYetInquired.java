package com.dealerradar.analytics.wave.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The regions a wave has not reached yet: the industry's organizations are known there (leads or deals
 * in the past years) but none of them inquired in the wave's window. Those are the calls to make now.
 */
public final class NotYetInquired {

    private NotYetInquired() {}

    /** Those regions, the most past deals first. */
    public static List<RegionHistory> of(Collection<RegionHistory> history, Set<String> inquired) {
        return history.stream()
                .filter(RegionHistory::knowsIndustry)
                .filter(region -> !inquired.contains(region.region()))
                .sorted(Comparator.comparingLong(RegionHistory::won).reversed()
                        .thenComparing(Comparator.comparingLong(RegionHistory::leads).reversed())
                        .thenComparing(RegionHistory::region))
                .toList();
    }

    /** A wave concerns a region that inquired in it or that it has not reached yet. */
    public static boolean affects(Wave wave, List<RegionHistory> notYetInquired, String region) {
        return wave.regionNames().contains(region)
                || notYetInquired.stream().anyMatch(quiet -> quiet.region().equals(region));
    }
}
