package com.dealerradar.analytics.finding.domain;

import com.dealerradar.platform.problem.InputBounds;
import com.dealerradar.platform.problem.Violation;
import java.util.List;

/** The bounds of the free-text fields of assignments and outcomes. */
final class Texts {

    static final int NAME = 100;
    static final int VALUE = 200;
    static final int REF = 128;
    static final int REASON = 500;
    static final int NOTE = 2000;

    private Texts() {}

    /** Adds why {@code text} is refused, if it is: missing while {@code required}, longer than {@code max}, or not clean text. */
    static void check(List<Violation> violations, String field, String text, int max, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
            return;
        }
        if (text.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
            return;
        }
        String unclean = InputBounds.textViolation(text);
        if (unclean != null) {
            violations.add(new Violation(field, unclean));
        }
    }

    /** Adds a refusal of {@code field} when it is given although {@code why} says it does not belong. */
    static void absent(List<Violation> violations, String field, Object value, String why) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            violations.add(new Violation(field, why));
        }
    }

    static String orNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
