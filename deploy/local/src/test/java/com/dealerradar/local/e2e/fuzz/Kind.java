package com.dealerradar.local.e2e.fuzz;

import java.util.List;

/**
 * What a field or parameter holds, and the values that are wrong for it whatever the rest of the
 * request says: each one must be refused. Values are raw JSON for body fields, plain text for query
 * parameters and path parts (the generator encodes them).
 */
public enum Kind {

    TEXT(List.of("42", "true", "[]", "{}", "\"\\u0000\"", "\"a\\u001b[2Jb\"", "\"\\u007f\"", "\"x\\ud800y\"",
            huge("x", 12_000), huge("赤", 10_001), "[\"a\"]", "1E+100000000")),
    ENUM(List.of("\"NOT_A_VALUE\"", "3", "0", "true", "[]", "{}", "\"\\u0000\"", "\"A\\u0007\"", huge("A", 12_000),
            "[\"A\"]", "-1")),
    TIME(List.of("\"-999999999-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "\"-290000000-01-01T00:00:00Z\"",
            "\"1999-12-31T23:59:59Z\"", "\"1970-01-01T00:00:00Z\"", "\"2099-01-01T00:00:00+08:00\"",
            "\"2026-11-02T10:05:00\"", "\"2026-02-30T10:00:00+08:00\"", "\"2026-11-02\"", "\"yesterday\"",
            "1700000000", "1.7E9", "true", "[]", "{}", "\"\\u0000\"", huge("9", 12_000))),
    // A plain date (YYYY-MM-DD, as a string only): no timestamps, epoch days or [y, m, d] arrays.
    DATE(List.of("\"2026-13-01\"", "\"2026-02-30\"", "\"-999999999-01-01\"", "\"+999999999-12-31\"",
            "\"1999-12-31\"", "\"2100-01-01\"", "\"26-12-15\"", "\"2026/12/15\"", "\"tomorrow\"",
            "\"2026-12-15T00:00:00Z\"", "20000", "99999999999", "[2026, 12, 15]", "[2026, 13, 1]", "1.5", "true",
            "{}", "\"\\u0000\"", huge("9", 12_000))),
    AMOUNT(List.of("-1", "-0.01", "1E+100000000", "-1E+100000000", "1E+6145", "1E-400", "99999999999999999999999999",
            "\"100\"", "true", "[]", "{}", "\"\\u0000\"", "1" + "0".repeat(1_200))),
    RATING(List.of("0", "6", "-1", "2.5", "\"3\"", "true", "1E+100000000", "99999999999", "[]", "{}")),
    DAYS(List.of("0", "-1", "100000", "2.5", "\"7\"", "true", "99999999999", "1E+400", "[]", "{}")),
    BOOL(List.of("\"yes\"", "\"true\"", "1", "0", "[]", "{}", "\"\\u0000\"")),
    OBJECT(List.of("42", "\"x\"", "[]", "true", "[{}]")),
    REASONS(List.of("\"PRICE\"", "[1]", "[\"NOPE\"]", "[null]", "{}", "5", "[\"\\u0000\"]",
            "[" + String.join(",", java.util.Collections.nCopies(15, "\"PRICE\"")) + "]")),
    CHANNEL_AMOUNTS(List.of("{\"PIGEON\": 1}", "{\"ONLINE\": 1E+100000000}", "{\"ONLINE\": -1}", "{\"ONLINE\": \"1\"}",
            "{\"ONLINE\": 2000}", "[]", "5", "{\"ONLINE\": null}", "{\"\\u0000\": 1}", "{\"ONLINE\": 1E+6145}")),

    // Query parameters and path parts: plain text, encoded by the generator.
    SCOPE_PARAM(List.of("\u0000", "D\u001b[2J", "x".repeat(300), "x".repeat(1_500), "\u007f", "a\nb")),
    DATE_PARAM(List.of("-999999999-01-01", "+999999999-12-31", "1999-12-31", "2100-01-01", "2026-13-01", "2026-02-30",
            "26-11-01", "2026/11/01", "today", "\u0000", "2026-11-01T00:00:00Z", "x".repeat(300))),
    INSTANT_PARAM(List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "1999-01-01T00:00:00Z",
            "2026-11-26", "tomorrow", "\u0000", "9".repeat(250))),
    ENUM_PARAM(List.of("NOPE", "%", "\u0000", "x".repeat(300), "' OR '1'='1", "{\"$ne\": null}")),
    PAGE_PARAM(List.of("-1", "abc", "2147483648", "100001", "1.5", "\u0000", "1e3")),
    SIZE_PARAM(List.of("0", "501", "-1", "abc", "99999999999", "1e2", "\u0000", "2.5")),
    LIMIT_PARAM(List.of("0", "-1", "100000", "x", "1.5", "\u0000")),
    MONTH_PATH(List.of("2026-13", "-999999999-01", "+999999999-12", "2026-1", "abcd-ef", "1999-12", "2100-01", "\u0000",
            "2026-11-01", "x".repeat(300))),
    ID_PATH(List.of("\u0000", "\n", "\u001b[2J", "x".repeat(250), "x".repeat(1_500), "{\"$ne\": null}", "../../actuator",
            "' OR '1'='1", "unknown-id"));

    private final List<String> bad;

    Kind(List<String> bad) {
        this.bad = bad;
    }

    List<String> bad() {
        return bad;
    }

    private static String huge(String unit, int times) {
        return "\"" + unit.repeat(times) + "\"";
    }
}
