package com.dealerradar.defeat.defeat.domain;

/** A rule a command broke, named by the field of the request that broke it. */
public record Violation(String field, String message) {}
