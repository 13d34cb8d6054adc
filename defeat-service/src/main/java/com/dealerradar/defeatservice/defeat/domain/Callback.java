package com.dealerradar.defeatservice.defeat.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** A recorded callback; {@code attempt} counts the callbacks of its defeat from 1; {@code externalRef} may be null. */
public record Callback(
        int attempt,
        OffsetDateTime occurredAt,
        CallbackOutcome outcome,
        List<Reason> actualReasons,
        String boughtBrand,
        String boughtModel,
        StepRatings ratings,
        String verbatim,
        String by,
        Correction correction,
        Instant recordedAt,
        String externalRef) {

    public Callback {
        actualReasons = List.copyOf(actualReasons);
    }
}
