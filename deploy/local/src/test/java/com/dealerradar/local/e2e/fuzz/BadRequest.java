package com.dealerradar.local.e2e.fuzz;

/**
 * One generated request that must be refused: {@code mutation} says what was broken, for the counts
 * and for a failure message. A broken item of a batch is the one exception: the batch answers 200 with
 * that item REJECTED ({@code rejectedItem}).
 */
public record BadRequest(String endpoint, String mutation, String method, String pathAndQuery, String apiKey,
        String contentType, byte[] body, boolean rejectedItem) {}
