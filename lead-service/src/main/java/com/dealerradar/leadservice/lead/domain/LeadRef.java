package com.dealerradar.leadservice.lead.domain;

/** Another lead, named by its id and its dealer. */
public record LeadRef(String leadId, String dealerId) {}
