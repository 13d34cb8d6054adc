package com.dealerradar.analytics.finding.domain;

/** What the radar found: a region's missed prospect, or an industry wave across regions. */
public enum FindingKind {
    MISSED_PROSPECT,
    WAVE
}
