package com.dealerradar.analytics.fact.domain;

/**
 * Rollups are kept per day and per month of capture. A cohort of whole months reads the month
 * rollups (about a thirtieth of the documents), its partial months at either end the day ones.
 */
public enum RollupGrain {
    DAY, MONTH;

    /** The month ({@code YYYY-MM}) of a day ({@code YYYY-MM-DD}). */
    public static String monthOf(String day) {
        return day.substring(0, 7);
    }
}
