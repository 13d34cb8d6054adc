package com.dealerradar.analytics.wave.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How an industry bought in past years: its deals by month of year of the deal (January first) and
 * the vehicles they sold, summed over the years and every region.
 */
public record PastDeals(List<Integer> years, List<Long> dealsByMonth, long vehiclesSold) {

    public PastDeals {
        years = List.copyOf(years);
        dealsByMonth = List.copyOf(dealsByMonth);
    }

    public static PastDeals none(List<Integer> years) {
        List<Long> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            months.add(0L);
        }
        return new PastDeals(years, months, 0);
    }

    /** These deals plus {@code wonByMonth} (keyed "01" … "12") and {@code vehicles}. */
    public PastDeals plus(Map<String, Long> wonByMonth, long vehicles) {
        List<Long> months = new ArrayList<>(dealsByMonth);
        for (int month = 1; month <= 12; month++) {
            months.set(month - 1, months.get(month - 1) + wonByMonth.getOrDefault(String.format("%02d", month), 0L));
        }
        return new PastDeals(years, months, vehiclesSold + vehicles);
    }
}
