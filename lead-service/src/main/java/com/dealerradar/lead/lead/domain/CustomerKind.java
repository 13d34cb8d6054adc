package com.dealerradar.lead.lead.domain;

public enum CustomerKind { INDIVIDUAL, ORGANIZATION }
