package com.dealerradar.leadservice.lead.application;

import com.dealerradar.leadservice.lead.domain.Channel;
import com.dealerradar.leadservice.lead.domain.Grade;
import com.dealerradar.leadservice.lead.domain.Industry;
import com.dealerradar.leadservice.lead.domain.LeadStatus;
import java.time.Instant;

/**
 * The leads a list reads: those matching every field that is not null, with the caller's scope
 * already folded into {@code dealerId} and {@code region}. {@code from} is inclusive, {@code until}
 * exclusive.
 */
public record LeadSelection(String dealerId, String region, LeadStatus status, Grade grade, Channel channel,
        Industry industry, Instant from, Instant until) {}
