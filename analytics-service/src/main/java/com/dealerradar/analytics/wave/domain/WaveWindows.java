package com.dealerradar.analytics.wave.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Finds the windows in which one industry inquired in at least {@link #MIN_REGIONS} regions.
 * <p>
 * Scanning the inquiry days in order, each day in turn opens a candidate window of {@code windowDays}
 * days (itself included). The first candidate whose days hold inquiries from two or more regions is a
 * wave; its days are taken, and the scan goes on after its window. A candidate with a single region
 * is dropped and the next inquiry day opens the next one. So a wave opens on its first inquiry, which
 * keeps its id stable while later inquiries join it, and one region's burst alone is never a wave.
 */
public final class WaveWindows {

    public static final int MIN_REGIONS = 2;

    private WaveWindows() {}

    /** A wave's window: {@code opensOn} (its first inquiry) to {@code closesOn}, both inclusive. */
    public record Window(LocalDate opensOn, LocalDate closesOn) {}

    /** @param regionsByDay the regions that inquired on each day (days without inquiries may be absent) */
    public static List<Window> detect(NavigableMap<LocalDate, Set<String>> regionsByDay, int windowDays) {
        if (windowDays < 1) {
            throw new IllegalArgumentException("windowDays must be at least 1");
        }
        List<Window> windows = new ArrayList<>();
        LocalDate open = firstInquiryFrom(regionsByDay, regionsByDay.isEmpty() ? null : regionsByDay.firstKey());
        while (open != null) {
            LocalDate close = open.plusDays(windowDays - 1L);
            Set<String> regions = new HashSet<>();
            regionsByDay.subMap(open, true, close, true).values().forEach(regions::addAll);
            if (regions.size() >= MIN_REGIONS) {
                windows.add(new Window(open, close));
                open = firstInquiryFrom(regionsByDay, close.plusDays(1));
            } else {
                open = firstInquiryFrom(regionsByDay, open.plusDays(1));
            }
        }
        return windows;
    }

    private static LocalDate firstInquiryFrom(NavigableMap<LocalDate, Set<String>> regionsByDay, LocalDate day) {
        if (day == null) {
            return null;
        }
        for (var entry : regionsByDay.tailMap(day, true).entrySet()) {
            if (!entry.getValue().isEmpty()) {
                return entry.getKey();
            }
        }
        return null;
    }
}
