package com.dealerradar.analytics.wave.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The waves of one industry in the given days of inquiries, with each wave's regions summed over its window. */
public final class WaveFinder {

    private WaveFinder() {}

    public static List<Wave> find(String industry, Collection<InquiryDay> days, int windowDays) {
        NavigableMap<LocalDate, InquiryDay> byDay = new TreeMap<>();
        NavigableMap<LocalDate, Set<String>> regionsByDay = new TreeMap<>();
        for (InquiryDay day : days) {
            if (!day.industry().equals(industry) || day.dealers().isEmpty()) {
                continue;
            }
            byDay.put(day.day(), day);
            Set<String> regions = new TreeSet<>();
            day.dealers().forEach(dealer -> regions.add(dealer.region()));
            regionsByDay.put(day.day(), regions);
        }
        List<Wave> waves = new ArrayList<>();
        for (WaveWindows.Window window : WaveWindows.detect(regionsByDay, windowDays)) {
            waves.add(wave(industry, window, byDay.subMap(window.opensOn(), true, window.closesOn(), true).values()));
        }
        return waves;
    }

    private static Wave wave(String industry, WaveWindows.Window window, Collection<InquiryDay> days) {
        Map<String, List<DealerInquiries>> byRegion = new TreeMap<>();
        for (InquiryDay day : days) {
            day.dealers().forEach(dealer -> byRegion.computeIfAbsent(dealer.region(), r -> new ArrayList<>()).add(dealer));
        }
        List<RegionInquiries> regions = byRegion.entrySet().stream()
                .map(e -> RegionInquiries.sum(e.getKey(), e.getValue()))
                .sorted(RegionInquiries.LARGEST_FIRST)
                .toList();
        return new Wave(industry, window.opensOn(), window.closesOn(), regions,
                regions.stream().mapToLong(RegionInquiries::inquiries).sum(),
                regions.stream().mapToLong(RegionInquiries::vehicles).sum());
    }
}
