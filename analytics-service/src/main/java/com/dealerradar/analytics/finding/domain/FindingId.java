package com.dealerradar.analytics.finding.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The stable id of a radar finding, derived from what the finding is about, so that the same missed
 * prospect or wave found again on another day (or by another instance) has the same id, and an
 * assignment made on it stays attached.
 */
public final class FindingId {

    private FindingId() {
    }

    /** A missed prospect: region R falls short of its peers on {@code value} of {@code dimension}. */
    public static String missedProspect(String region, String dimension, String value) {
        return "mp-" + uuid("missed-prospect|" + region + "|" + dimension + "|" + value);
    }

    /** An industry wave: organizations of {@code industry} inquiring in several regions, the first on {@code opensOn}. */
    public static String wave(String industry, LocalDate opensOn) {
        return "wv-" + uuid("wave|" + industry + "|" + opensOn);
    }

    private static UUID uuid(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
