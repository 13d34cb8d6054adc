package com.dealerradar.local.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded dealer group's year: 12 Inner Mongolia regions of 5 dealers, leads spread over the twelve
 * months before {@code anchor}, and for each lead its follow-ups, deal or loss report and callback.
 * Every lead's activities come from a generator seeded by the lead's number, so a run is repeatable.
 */
final class Workload {

    private static final String[] REGIONS = {"Hohhot", "Baotou", "Wuhai", "Chifeng", "Tongliao", "Ordos",
            "Hulunbuir", "Bayannur", "Ulanqab", "Hinggan", "Xilingol", "Alxa"};
    private static final String[] CHANNELS = {"SHOWROOM", "ONLINE", "PHONE", "REFERRAL", "EVENT", "EXHIBITION"};
    private static final String[] GRADES = {"H", "A", "B", "C"};
    private static final String[] MODELS = {"CS75 PLUS", "CS55 PLUS", "UNI-K", "UNI-V", "Eado", "CS35 PLUS"};
    private static final String[] INDUSTRIES = {"POWER_UTILITY", "JUSTICE", "EDUCATION", "HEALTHCARE", "MINING_ENERGY",
            "LOGISTICS", "AGRICULTURE", "CONSTRUCTION"};
    private static final String[] OUTCOMES = {"REACHED", "REACHED", "REACHED", "NOT_REACHED", "APPOINTMENT_SET",
            "VISITED", "TEST_DRIVEN"};

    private final Random random;
    private final long seed;
    private final OffsetDateTime anchor;

    Workload(Random random, OffsetDateTime anchor) {
        this.random = random;
        this.seed = random.nextLong();
        this.anchor = anchor;
    }

    static String region(int r) {
        return REGIONS[r];
    }

    static String dealerId(int region, int dealer) {
        return "D-%s-%02d".formatted(REGIONS[region].substring(0, 3).toUpperCase(), dealer + 1);
    }

    /** Lead number {@code n} of dealer {@code dealerIndex} (index in region-major order), captured in the last year. */
    PostedLead lead(long n, int dealerIndex) {
        Random r = new Random(seed ^ n);
        return lead(n, dealerIndex, anchor.minusDays(2).minusMinutes(r.nextInt(363 * 24 * 60)), r);
    }

    /** Lead number {@code n} of dealer {@code dealerIndex} as its system posts it live: captured {@code at}. */
    PostedLead liveLead(long n, int dealerIndex, OffsetDateTime at) {
        Random r = new Random(seed ^ n);
        return lead(n, dealerIndex, at, r);
    }

    private PostedLead lead(long n, int dealerIndex, OffsetDateTime occurredAt, Random r) {
        String dealerId = dealerId(dealerIndex / 5, dealerIndex % 5);
        String customer = r.nextInt(10) < 6
                ? "{\"kind\":\"INDIVIDUAL\",\"name\":\"Customer %d\",\"phone\":\"139%08d\"}".formatted(n, n % 100_000_000)
                : "{\"kind\":\"ORGANIZATION\",\"name\":\"Org %d\",\"phone\":\"139%08d\",\"industry\":\"%s\",\"organization\":\"Org %d\"}"
                        .formatted(n, n % 100_000_000, pick(r, INDUSTRIES), n);
        String json = ("{\"dealerId\":\"%s\",\"externalRef\":\"bench-%d\",\"occurredAt\":\"%s\",\"channel\":\"%s\","
                + "\"grade\":\"%s\",\"contactRetained\":%b,\"model\":\"%s\",\"consultant\":\"c%d\",\"customer\":%s}")
                .formatted(dealerId, n, occurredAt, pick(r, CHANNELS), pick(r, GRADES), r.nextInt(10) < 7,
                        pick(r, MODELS), r.nextInt(8), customer);
        return new PostedLead(n, dealerIndex, occurredAt, json);
    }

    static String batch(List<PostedLead> leads) {
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < leads.size(); i++) {
            body.append(i == 0 ? "" : ",").append(leads.get(i).json());
        }
        return body.append("]}").toString();
    }

    /** About 1.5 follow-ups a lead; a deal on a tenth; a loss report on a quarter, with a callback on most. */
    Activities activities(PostedLead lead) {
        Random r = new Random(~(seed ^ lead.n()));
        List<String> followUps = new ArrayList<>();
        OffsetDateTime at = lead.occurredAt();
        for (int i = 0; i < 1 + r.nextInt(2); i++) {
            at = capped(at.plusMinutes(10 + r.nextInt(36 * 60)));
            followUps.add(("{\"leadId\":\"%s\",\"externalRef\":\"fu-%d-%d\",\"occurredAt\":\"%s\",\"type\":\"CALL\","
                    + "\"outcome\":\"%s\",\"consultant\":\"c1\"}").formatted(lead.leadId(), lead.n(), i, at, pick(r, OUTCOMES)));
        }
        int fate = r.nextInt(100);
        String deal = null;
        String defeat = null;
        String callback = null;
        if (fate < 10) {
            deal = "{\"occurredAt\":\"%s\",\"model\":\"%s\",\"price\":%d}"
                    .formatted(capped(at.plusDays(1 + r.nextInt(20))), pick(r, MODELS), 90_000 + r.nextInt(60_000));
        } else if (fate < 35) {
            OffsetDateTime reported = capped(at.plusDays(1 + r.nextInt(20)));
            defeat = (r.nextBoolean()
                    ? "{\"leadId\":\"%s\",\"externalRef\":\"lost-%d\",\"occurredAt\":\"%s\",\"kind\":\"DEFEATED\","
                            + "\"subtype\":\"BOUGHT_COMPETITOR\",\"reasons\":[\"PRICE\"],\"competitorBrand\":\"Geely\","
                            + "\"competitorModel\":\"Monjaro\",\"reportedBy\":\"c1\"}"
                    : "{\"leadId\":\"%s\",\"externalRef\":\"lost-%d\",\"occurredAt\":\"%s\",\"kind\":\"AT_RISK\","
                            + "\"subtype\":\"GAVE_UP\",\"reasons\":[\"BUDGET\"],\"reportedBy\":\"c1\"}")
                    .formatted(lead.leadId(), lead.n(), reported);
            if (r.nextInt(10) < 8) {
                String outcome = r.nextInt(10) < 7 ? "CONFIRMED" : r.nextBoolean() ? "FALSE_DEFEAT" : "UNREACHABLE";
                callback = ("{\"occurredAt\":\"%s\",\"outcome\":\"%s\",\"actualReasons\":[\"SALES_EXPERIENCE\"],"
                        + "\"ratings\":{\"reception\":%d,\"negotiation\":%d},\"by\":\"manager\"}")
                        .formatted(capped(reported.plusHours(2 + r.nextInt(40))), outcome, 1 + r.nextInt(5), 1 + r.nextInt(5));
            }
        }
        return new Activities(followUps, deal, defeat, callback);
    }

    private OffsetDateTime capped(OffsetDateTime t) {
        return t.isAfter(anchor) ? anchor : t;
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    /** A lead as posted; its id is known once the API answered. */
    static final class PostedLead {
        private final long n;
        private final int dealerIndex;
        private final OffsetDateTime occurredAt;
        private final String json;
        private volatile String leadId;

        PostedLead(long n, int dealerIndex, OffsetDateTime occurredAt, String json) {
            this.n = n;
            this.dealerIndex = dealerIndex;
            this.occurredAt = occurredAt;
            this.json = json;
        }

        long n() { return n; }
        int dealerIndex() { return dealerIndex; }
        OffsetDateTime occurredAt() { return occurredAt; }
        String json() { return json; }
        String leadId() { return leadId; }
        void leadId(String id) { this.leadId = id; }
    }

    record Activities(List<String> followUps, String deal, String defeat, String callback) {
        int count() {
            return followUps.size() + (deal == null ? 0 : 1) + (defeat == null ? 0 : 1) + (callback == null ? 0 : 1);
        }
    }
}
