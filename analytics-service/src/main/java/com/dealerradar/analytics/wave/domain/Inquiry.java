package com.dealerradar.analytics.wave.domain;

/**
 * A lead captured with an industry, as a wave counts it: where it came from, which organization asked
 * and for how many vehicles (1 when the capture did not say).
 */
public record Inquiry(String industry, String region, String organization, long vehicles) {}
