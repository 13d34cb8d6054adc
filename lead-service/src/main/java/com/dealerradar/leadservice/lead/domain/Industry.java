package com.dealerradar.leadservice.lead.domain;

/** The buyer organization's line of work; individual buyers have none. */
public enum Industry {
    JUSTICE, PUBLIC_SECURITY, POWER_UTILITY, MINING_ENERGY, GOVERNMENT, EDUCATION, HEALTHCARE, FINANCE, TELECOM,
    LOGISTICS, CONSTRUCTION, MANUFACTURING, AGRICULTURE, TRANSPORT, RETAIL, OTHER
}
