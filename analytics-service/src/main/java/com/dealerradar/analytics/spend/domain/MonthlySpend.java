package com.dealerradar.analytics.spend.domain;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A dealer's marketing spend of one month, optionally split by channel (the split may cover part of it). */
public record MonthlySpend(String dealerId, YearMonth month, BigDecimal total, Map<String, BigDecimal> byChannel) {

    public static final Set<String> CHANNELS = Set.of("SHOWROOM", "PHONE", "ONLINE", "EXHIBITION", "REFERRAL",
            "EXISTING_CUSTOMER", "FLEET", "DRIVING_SCHOOL", "CANVASSING", "EVENT", "OTHER");
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    public MonthlySpend {
        byChannel = byChannel == null ? Map.of() : new TreeMap<>(byChannel);
    }

    /** The first rule the figures break, as (field, message), or null when they are sound. */
    public static String[] violation(BigDecimal total, Map<String, BigDecimal> byChannel) {
        if (total == null) {
            return new String[] {"total", "is required"};
        }
        // compareTo before any arithmetic: 1E+100000000 compares at once, but adding it builds every digit.
        if (total.signum() < 0 || total.compareTo(MAX_AMOUNT) > 0) {
            return new String[] {"total", "must be between 0 and " + MAX_AMOUNT.toPlainString()};
        }
        if (total.scale() > 2) {
            return new String[] {"total", "must not have more than two decimals"};
        }
        if (byChannel == null) {
            return null;
        }
        BigDecimal split = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> entry : byChannel.entrySet()) {
            String field = "byChannel." + entry.getKey();
            if (!CHANNELS.contains(entry.getKey())) {
                return new String[] {field, "is not a channel"};
            }
            BigDecimal amount = entry.getValue();
            if (amount == null || amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(total) > 0) {
                return new String[] {field, "must be an amount from 0 to total with at most two decimals"};
            }
            split = split.add(entry.getValue());
        }
        if (split.compareTo(total) > 0) {
            return new String[] {"byChannel", "must not add up to more than total"};
        }
        return null;
    }
}
