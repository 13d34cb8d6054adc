package com.dealerradar.events.directory;

/** Payload of {@code radar.dealer.registered.v1} and {@code radar.dealer.updated.v1}. */
public record DealerRegistered(String dealerId, String name, String region, String brand) {}
