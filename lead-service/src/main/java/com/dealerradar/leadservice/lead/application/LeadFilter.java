package com.dealerradar.leadservice.lead.application;

import com.dealerradar.leadservice.lead.domain.Channel;
import com.dealerradar.leadservice.lead.domain.Grade;
import com.dealerradar.leadservice.lead.domain.Industry;
import com.dealerradar.leadservice.lead.domain.LeadStatus;
import java.time.LocalDate;

/** The filters of {@code GET /api/leads}; each may be null. {@code from} and {@code to} are inclusive dates. */
public record LeadFilter(String dealerId, String region, LeadStatus status, Grade grade, Channel channel,
        Industry industry, LocalDate from, LocalDate to) {}
