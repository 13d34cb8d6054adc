package com.dealerradar.events.defeat;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Payload of {@code radar.defeat.reported.v1}. {@code sameGroupDealerId} names the group's own
 * dealer the customer bought from, when it was one (not a loss for the group).
 */
public record DefeatReported(String defeatId, String leadId, String dealerId, String region, String kind,
        String subtype, List<String> reasons, String competitorBrand, String competitorModel,
        String sameGroupDealerId, OffsetDateTime occurredAt, OffsetDateTime callbackDueAt) {}
