package com.dealerradar.events.defeat;

import java.time.OffsetDateTime;

/** Payload of {@code radar.defeat.reversed.v1}: a false defeat; the lead is open again. */
public record DefeatReversed(String defeatId, String leadId, String dealerId, String region, OffsetDateTime occurredAt) {}
