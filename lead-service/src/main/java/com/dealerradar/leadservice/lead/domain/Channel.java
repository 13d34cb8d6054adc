package com.dealerradar.leadservice.lead.domain;

/** Where a lead came from (domain.md, "Example data"). */
public enum Channel {
    SHOWROOM, PHONE, ONLINE, EXHIBITION, REFERRAL, EXISTING_CUSTOMER, FLEET, DRIVING_SCHOOL, CANVASSING, EVENT, OTHER
}
