package com.dealerradar.events;

/** The registry of topics: one writer each, keyed as events.md says. */
public final class Topics {

    public static final String DIRECTORY = "radar.directory";
    public static final String LEADS = "radar.leads";
    public static final String FOLLOWUPS = "radar.followups";
    public static final String DEFEATS = "radar.defeats";

    private static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {}

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
