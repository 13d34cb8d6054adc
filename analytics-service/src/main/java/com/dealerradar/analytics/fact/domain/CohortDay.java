package com.dealerradar.analytics.fact.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The day a lead belongs to, in the group's time zone: cohorts, spend months and ranges use it. */
public final class CohortDay {

    private CohortDay() {}

    public static String of(OffsetDateTime occurredAt, ZoneId groupZone) {
        return occurredAt.atZoneSameInstant(groupZone).toLocalDate().toString();
    }

    public static String of(LocalDate date) {
        return date.toString();
    }
}
