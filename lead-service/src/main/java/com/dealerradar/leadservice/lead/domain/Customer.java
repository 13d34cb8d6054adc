package com.dealerradar.leadservice.lead.domain;

/** Who the lead is. The phone number is held only as a keyed hash and a masked form. */
public record Customer(CustomerKind kind, String name, PhoneNumber phone, Industry industry, String organization) {}
