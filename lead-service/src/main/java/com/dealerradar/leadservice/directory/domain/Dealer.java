package com.dealerradar.leadservice.directory.domain;

/** A dealership (4S store) of the group; its region scopes regional managers. */
public record Dealer(String dealerId, String name, String region, String brand) {}
