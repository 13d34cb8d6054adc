package com.dealerradar.analytics.fact.domain;

import java.util.List;
import java.util.Locale;

/**
 * How a free-text model name becomes a catalogue entry: trimmed, inner spaces collapsed, upper case
 * ("cs75  plus" and "CS75 PLUS" are one model). A brand's catalogue takes the first
 * {@link #PER_BRAND} distinct names it is offered; any later new name counts as {@link Rollup#OTHER}.
 */
public final class ModelNames {

    public static final int PER_BRAND = 50;

    private ModelNames() {}

    public static String normalize(String model) {
        if (model == null || model.isBlank()) {
            return null;
        }
        return model.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** The catalogue entry of an already normalized {@code model}, given the brand's catalogue. */
    public static String entryOf(String model, List<String> catalogue) {
        return catalogue.contains(model) ? model : Rollup.OTHER;
    }

    public static boolean hasRoom(List<String> catalogue) {
        return catalogue.size() < PER_BRAND;
    }
}
