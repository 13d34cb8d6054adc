package com.dealerradar.platform.problem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The outer bounds every value from outside must keep, whatever its field: no arithmetic, date
 * conversion or store write ever sees a value that could overflow it. Fields add their own, narrower
 * rules on top (a grade's enum, a future occurredAt, a total's two decimals).
 */
public final class InputBounds {

    /** Nothing the group records happened before this day. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    /** Query ranges may look ahead, but not past this day. */
    public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);
    public static final Instant EARLIEST = EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final Instant LATEST = LATEST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    /** No amount, price or count of ours comes near this; a larger one is a mistake or an attack. */
    public static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000000");
    public static final int MAX_DECIMALS = 6;
    /** Longer than any field of the API allows; each field's own limit is usually far lower. */
    public static final int MAX_TEXT = 10_000;

    private InputBounds() {}

    /** Why this text is refused, or null when it is within bounds. */
    public static String textViolation(String s) {
        if (s.length() > MAX_TEXT) {
            return "must be at most " + MAX_TEXT + " characters";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return "must not contain control characters";
            }
            if (Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
                return "must be valid UTF-16 text";
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return null;
    }

    /** Why this number is refused, or null when it is within bounds; checked before any arithmetic. */
    public static String numberViolation(BigDecimal n) {
        // precision - scale is the number of digits before the point: fast even for 1E+100000000.
        if (n.precision() - n.scale() > MAX_NUMBER.precision() || n.abs().compareTo(MAX_NUMBER) > 0) {
            return "must be between -" + MAX_NUMBER.toPlainString() + " and " + MAX_NUMBER.toPlainString();
        }
        if (n.scale() > MAX_DECIMALS && n.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return "must have at most " + MAX_DECIMALS + " decimals";
        }
        return null;
    }

    /** Why this instant is refused, or null when it lies in the years the API accepts. */
    public static String instantViolation(Instant t) {
        if (t.isBefore(EARLIEST) || !t.isBefore(LATEST)) {
            return "must be between " + EARLIEST_DATE + " and " + LATEST_DATE;
        }
        return null;
    }

    /** Why this date is refused, or null when it lies in the years the API accepts. */
    public static String dateViolation(LocalDate date) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            return "must be between " + EARLIEST_DATE + " and " + LATEST_DATE;
        }
        return null;
    }

    /** A query date ({@code from}, {@code to}) parsed and bounded; a 400 naming the parameter otherwise. */
    public static LocalDate queryDate(String parameter, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.invalid(parameter, "must be a date YYYY-MM-DD");
        }
        return queryDate(parameter, date);
    }

    /** The same bounds for a date that the framework has already parsed. */
    public static LocalDate queryDate(String parameter, LocalDate date) {
        String violation = date == null ? null : dateViolation(date);
        if (violation != null) {
            throw ApiProblem.invalid(parameter, violation);
        }
        return date;
    }

    private static boolean validSurrogateAt(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
