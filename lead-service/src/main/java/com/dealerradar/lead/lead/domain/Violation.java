package com.dealerradar.lead.lead.domain;

/** A rule a command broke, named by the field of the request that broke it. */
public record Violation(String field, String message) {}
