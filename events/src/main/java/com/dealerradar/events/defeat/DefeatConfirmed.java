package com.dealerradar.events.defeat;

import java.time.OffsetDateTime;
import java.util.List;

/** Payload of {@code radar.defeat.confirmed.v1}: the loss stands, with the kind and subtype as finally settled. */
public record DefeatConfirmed(String defeatId, String leadId, String dealerId, String region, String kind,
        String subtype, List<String> reasons, String sameGroupDealerId, OffsetDateTime occurredAt) {}
