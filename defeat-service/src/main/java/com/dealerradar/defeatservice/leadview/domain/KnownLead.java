package com.dealerradar.defeatservice.leadview.domain;

/**
 * What defeat-service knows of a lead from radar.leads. {@code version} is the lead's version of the
 * last applied event; {@code openDefeatId} names the lead's one unsettled defeat, if any.
 */
public record KnownLead(String leadId, String dealerId, String region, LeadStatus status, long version,
        String openDefeatId) {}
