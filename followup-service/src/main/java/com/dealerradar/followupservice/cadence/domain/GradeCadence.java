package com.dealerradar.followupservice.cadence.domain;

/** Follow up at least every {@code intervalDays}; the lead is expected to buy within {@code windowDays}. */
public record GradeCadence(int intervalDays, int windowDays) {}
