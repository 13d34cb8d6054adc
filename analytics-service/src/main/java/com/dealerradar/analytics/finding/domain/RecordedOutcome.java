package com.dealerradar.analytics.finding.domain;

import java.time.Instant;
import java.time.OffsetDateTime;

/** An outcome as recorded: what the reporter sent, its fingerprint, and when and by which key it was recorded. */
public record RecordedOutcome(Outcome outcome, OffsetDateTime at, String leadId, String reason, String externalRef,
        String fingerprint, Instant recordedAt, String recordedBy) {}
