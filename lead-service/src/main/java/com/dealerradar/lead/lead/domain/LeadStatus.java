package com.dealerradar.lead.lead.domain;

public enum LeadStatus { OPEN, WON, INVALID, AT_RISK, DEFEATED }
