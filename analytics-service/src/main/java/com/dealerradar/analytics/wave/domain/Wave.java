package com.dealerradar.analytics.wave.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Organizations of one industry inquiring in several regions within one window: the whole industry
 * is buying now.
 *
 * @param regions   the regions that inquired, the most vehicles first
 * @param inquiries the inquiries of every region in the window
 * @param vehicles  the vehicles they asked about
 */
public record Wave(String industry, LocalDate opensOn, LocalDate closesOn, List<RegionInquiries> regions,
        long inquiries, long vehicles) {

    public Wave {
        regions = List.copyOf(regions);
    }

    public Set<String> regionNames() {
        return regions.stream().map(RegionInquiries::region).collect(Collectors.toSet());
    }
}
