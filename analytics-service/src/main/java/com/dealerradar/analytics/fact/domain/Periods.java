package com.dealerradar.analytics.fact.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods cells are kept for: a year ({@code YYYY}), a month ({@code YYYY-MM}) or a day
 * ({@code YYYY-MM-DD}), each the sum of the periods inside it.
 */
public final class Periods {

    private Periods() {}

    public static String monthOf(String day) {
        return day.substring(0, 7);
    }

    public static String yearOf(String period) {
        return period.substring(0, 4);
    }

    private static boolean isMonth(String period) {
        return period.length() == 7;
    }

    /** The periods one level down: a year's months, a month's days. */
    public static List<String> inside(String period) {
        List<String> parts = new ArrayList<>();
        if (period.length() == 4) {
            for (int month = 1; month <= 12; month++) {
                parts.add(period + "-" + (month < 10 ? "0" : "") + month);
            }
        } else if (isMonth(period)) {
            YearMonth month = YearMonth.parse(period);
            for (int day = 1; day <= month.lengthOfMonth(); day++) {
                parts.add(month.atDay(day).toString());
            }
        }
        return parts;
    }

    /**
     * The fewest periods that exactly cover {@code from..to} (inclusive): whole years, then whole
     * months, then single days; at most about two months of days and 22 months beside the years.
     */
    public static List<String> cover(LocalDate from, LocalDate to) {
        List<String> periods = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            if (day.getDayOfYear() == 1 && !day.plusYears(1).minusDays(1).isAfter(to)) {
                periods.add(String.valueOf(day.getYear()));
                day = day.plusYears(1);
            } else if (day.getDayOfMonth() == 1 && !YearMonth.from(day).atEndOfMonth().isAfter(to)) {
                periods.add(YearMonth.from(day).toString());
                day = day.plusMonths(1);
            } else {
                periods.add(day.toString());
                day = day.plusDays(1);
            }
        }
        return periods;
    }
}
