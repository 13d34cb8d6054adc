package com.dealerradar.gateway.key;

import java.util.List;

/** One page of {@code GET /api/keys}, in the API's usual list shape; it never carries secrets. */
public record ApiKeyPage(List<ApiKey> items, int page, int size, long total) {}
