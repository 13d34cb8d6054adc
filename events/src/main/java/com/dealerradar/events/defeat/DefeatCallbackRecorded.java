package com.dealerradar.events.defeat;

import java.time.OffsetDateTime;
import java.util.List;

/** Payload of {@code radar.defeat.callback-recorded.v1}; {@code attempt} counts callbacks on this defeat from 1. */
public record DefeatCallbackRecorded(String defeatId, String leadId, String dealerId, String region, String outcome,
        int attempt, List<String> actualReasons, String boughtBrand, String boughtModel, Ratings ratings,
        OffsetDateTime occurredAt) {}
