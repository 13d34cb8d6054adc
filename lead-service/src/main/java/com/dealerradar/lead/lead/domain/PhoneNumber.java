package com.dealerradar.lead.lead.domain;

/**
 * A phone number as lead-service keeps it: a keyed hash to match duplicates with, and a masked form
 * ({@code 138****5678}) to show. The clear number is never stored.
 */
public record PhoneNumber(String hash, String masked) {

    public static String mask(String digits) {
        if (digits.length() <= 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** Digits only, keeping a leading '+', so that "138 0000-5678" and "13800005678" match. */
    public static String normalize(String raw) {
        String digits = raw.replaceAll("[^0-9]", "");
        return raw.strip().startsWith("+") ? "+" + digits : digits;
    }
}
