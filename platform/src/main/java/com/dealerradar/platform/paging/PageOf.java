package com.dealerradar.platform.paging;

import java.util.List;

/** The list response of api.md: {@code {items, page, size, total}}. */
public record PageOf<T>(List<T> items, int page, int size, long total) {}
