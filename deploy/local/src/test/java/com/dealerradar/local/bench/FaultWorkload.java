package com.dealerradar.local.bench;

import java.time.OffsetDateTime;

/**
 * What the fault benchmark's clients post: lead number {@code n} of one of four dealers, a follow-up on
 * it (two in three reach the customer), a loss report on every fourth lead, and on every eighth a
 * callback that confirms the loss or, on every other one of those, finds it false. Every lead was
 * captured in the three hours before {@code anchor}, so that no grade window passes and nothing but the
 * clients opens a loss. Every write carries its own externalRef, so that a retry stores nothing twice.
 */
final class FaultWorkload {

    static final int DEALERS = 4;
    private static final String[] GRADES = {"H", "A", "B", "C"};
    private static final String[] CHANNELS = {"SHOWROOM", "ONLINE", "PHONE", "REFERRAL"};

    private final OffsetDateTime anchor;

    FaultWorkload(OffsetDateTime anchor) {
        this.anchor = anchor;
    }

    static String dealerId(int dealer) {
        return "D-FLT-%02d".formatted(dealer + 1);
    }

    static String region(int dealer) {
        return dealer % 2 == 0 ? "Ordos" : "Chifeng";
    }

    static int dealerOf(long n) {
        return (int) (n % DEALERS);
    }

    static String leadRef(long n) {
        return "flt-" + n;
    }

    static String followUpRef(long n) {
        return "flt-fu-" + n;
    }

    static String defeatRef(long n) {
        return "flt-lost-" + n;
    }

    static boolean reaches(long n) {
        return n % 3 != 2;
    }

    static boolean reportsLoss(long n) {
        return n % 4 == 0;
    }

    static boolean callsBack(long n) {
        return n % 8 == 0;
    }

    /** The callback of a called-back loss confirms it on every sixteenth lead and finds it false on the others. */
    static boolean confirms(long n) {
        return n % 16 == 0;
    }

    String lead(long n) {
        return ("{\"dealerId\":\"%s\",\"externalRef\":\"%s\",\"occurredAt\":\"%s\",\"channel\":\"%s\",\"grade\":\"%s\","
                + "\"contactRetained\":true,\"model\":\"CS75 PLUS\",\"consultant\":\"c%d\","
                + "\"customer\":{\"kind\":\"INDIVIDUAL\",\"name\":\"Customer %d\",\"phone\":\"137%08d\"}}")
                .formatted(dealerId(dealerOf(n)), leadRef(n), capturedAt(n), CHANNELS[(int) (n / DEALERS % CHANNELS.length)],
                        GRADES[(int) (n % GRADES.length)], n % 5, n, n % 100_000_000);
    }

    String followUp(long n, String leadId) {
        return ("{\"leadId\":\"%s\",\"externalRef\":\"%s\",\"occurredAt\":\"%s\",\"type\":\"CALL\",\"outcome\":\"%s\","
                + "\"consultant\":\"c1\"}").formatted(leadId, followUpRef(n), capturedAt(n).plusMinutes(5),
                        reaches(n) ? "REACHED" : "NOT_REACHED");
    }

    String defeat(long n, String leadId) {
        return ("{\"leadId\":\"%s\",\"externalRef\":\"%s\",\"occurredAt\":\"%s\",\"kind\":\"DEFEATED\","
                + "\"subtype\":\"BOUGHT_COMPETITOR\",\"reasons\":[\"PRICE\"],\"competitorBrand\":\"Geely\","
                + "\"competitorModel\":\"Monjaro\",\"reportedBy\":\"c1\"}")
                .formatted(leadId, defeatRef(n), capturedAt(n).plusMinutes(20));
    }

    String callback(long n) {
        return ("{\"occurredAt\":\"%s\",\"outcome\":\"%s\",\"actualReasons\":[\"PRICE\"],"
                + "\"ratings\":{\"reception\":4,\"negotiation\":2},\"by\":\"manager\",\"externalRef\":\"flt-cb-%d\"}")
                .formatted(capturedAt(n).plusMinutes(40), confirms(n) ? "CONFIRMED" : "FALSE_DEFEAT", n);
    }

    private OffsetDateTime capturedAt(long n) {
        return anchor.minusHours(3).plusSeconds(n % 7_200);
    }
}
