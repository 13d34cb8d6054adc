package com.dealerradar.analytics.fact.domain;

import java.time.Instant;
import java.util.Comparator;

/** An open lead a rollup names as something to work on: the evidence of a missed prospect. */
public record OpenLead(String leadId, String dealerId, String organization, String grade, Instant capturedAt) {

    /** Oldest first: the lead waiting longest is named first, and the choice does not depend on reading order. */
    public static final Comparator<OpenLead> OLDEST_FIRST = Comparator
            .comparing(OpenLead::capturedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OpenLead::leadId);
}
