package com.dealerradar.leadservice.lead.domain;

public enum CustomerKind { INDIVIDUAL, ORGANIZATION }
