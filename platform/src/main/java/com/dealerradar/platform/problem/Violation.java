package com.dealerradar.platform.problem;

/**
 * A rule a request broke, named by the field that broke it as a JSON path ({@code customer.kind}):
 * what a domain's validation reports, and each entry of a 400's {@code errors[]}.
 */
public record Violation(String field, String message) {}
