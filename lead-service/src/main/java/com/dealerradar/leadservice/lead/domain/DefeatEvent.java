package com.dealerradar.leadservice.lead.domain;

import java.time.OffsetDateTime;

/**
 * A defeat-service event about this lead: its own id, the defeat it belongs to and that defeat's
 * version ({@code sequence}), by which a late or repeated delivery is recognised.
 */
public record DefeatEvent(String eventId, String defeatId, long sequence, OffsetDateTime occurredAt) {}
