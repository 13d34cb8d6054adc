package com.dealerradar.leadservice.lead.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Optional;
import java.util.Set;

/**
 * A phone number as lead-service keeps it: a keyed hash to match duplicates with, and a masked form
 * ({@code 138****5678}) to show. The clear number is never stored.
 */
public record PhoneNumber(String hash, String masked) {

    /** Numbers written without a country code are Chinese, as the group's dealers write them. */
    public static final String DEFAULT_REGION = "CN";
    private static final int MAX_LENGTH = 40;
    private static final Set<PhoneNumberType> REACHABLE = Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE);

    /**
     * A valid mobile or fixed-line number in E.164 with the national number it shows masked, or empty:
     * "+86 138 0000 5678", "138 0000-5678" and "13800005678" are all {@code +8613800005678}.
     */
    public static Optional<Normalized> normalize(String raw) {
        if (raw == null || raw.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            var parsed = util.parse(raw, DEFAULT_REGION);
            if (!util.isValidNumber(parsed) || !REACHABLE.contains(util.getNumberType(parsed))) {
                return Optional.empty();
            }
            return Optional.of(new Normalized(util.format(parsed, PhoneNumberFormat.E164),
                    util.getNationalSignificantNumber(parsed)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The number in E.164, which is what is hashed, and its national digits, which are what is shown masked. */
    public record Normalized(String e164, String national) {

        public String masked() {
            if (national.length() <= 7) {
                return "*".repeat(national.length());
            }
            return national.substring(0, 3) + "****" + national.substring(national.length() - 4);
        }
    }
}
