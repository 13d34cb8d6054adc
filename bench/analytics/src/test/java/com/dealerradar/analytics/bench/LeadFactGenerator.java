package com.dealerradar.analytics.bench;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;

/**
 * A dealer group's year of leads, as fact documents in the shape {@code LeadProjection} writes them
 * (the same field names and values), with follow-ups and defeats already applied. Seeded, so every
 * run loads the same data; lead {@code i} is the same lead whatever the batch it is made in.
 */
final class LeadFactGenerator {

    static final List<String> REGIONS = List.of("Hohhot", "Baotou", "Ordos", "Chifeng", "Tongliao", "Ulanqab",
            "Hinggan", "Hulunbuir", "Bayannur", "Wuhai", "Xilingol", "Alxa");
    static final int DEALERS_PER_REGION = 5;
    private static final String[] CHANNELS = {"SHOWROOM", "PHONE", "ONLINE", "EXHIBITION", "REFERRAL",
        "EXISTING_CUSTOMER", "FLEET", "DRIVING_SCHOOL", "CANVASSING", "EVENT", "OTHER"};
    private static final int[] CHANNEL_WEIGHTS = {35, 20, 20, 5, 5, 5, 3, 2, 2, 2, 1};
    private static final String[] INDUSTRIES = {"JUSTICE", "PUBLIC_SECURITY", "POWER_UTILITY", "MINING_ENERGY",
        "GOVERNMENT", "EDUCATION", "HEALTHCARE", "FINANCE", "TELECOM", "LOGISTICS", "CONSTRUCTION", "MANUFACTURING",
        "AGRICULTURE", "TRANSPORT", "RETAIL", "OTHER"};
    private static final String[] MODELS = {"CS75 PLUS", "CS55 PLUS", "UNI-K", "UNI-V", "CS35 PLUS", "Eado",
        "Deepal SL03", "Hunter"};
    private static final int[] MODEL_WEIGHTS = {25, 20, 12, 12, 10, 10, 6, 5};
    private static final String[] REASONS = {"PRICE", "BUDGET", "PRODUCT_FIT", "COMPETITOR_OFFER", "STOCK",
        "SALES_EXPERIENCE", "LOCATION", "PLAN_CHANGED"};
    private static final String[] BRANDS = {"Geely", "BYD", "Chery", "Haval", "Toyota", "Volkswagen"};
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    static String dealerId(int region, int dealer) {
        return String.format("D-%s-%02d", REGIONS.get(region).substring(0, 3).toUpperCase(), dealer + 1);
    }

    List<Document> facts(long from, long to) {
        List<Document> facts = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            facts.add(fact(i));
        }
        return facts;
    }

    private Document fact(long i) {
        Random random = new Random(i * 6364136223846793005L + 1442695040888963407L);
        int region = random.nextInt(REGIONS.size());
        int dealer = random.nextInt(DEALERS_PER_REGION);
        String dealerId = dealerId(region, dealer);
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(365));
        ZonedDateTime capturedAt = day.atTime(LocalTime.of(8 + random.nextInt(12), random.nextInt(60))).atZone(ZONE);
        boolean organization = random.nextInt(100) < 15;
        String industry = organization ? INDUSTRIES[random.nextInt(INDUSTRIES.length)] : null;
        Document fact = new Document("_id", "L" + i)
                .append("dealerId", dealerId)
                .append("region", REGIONS.get(region))
                .append("channel", weighted(random, CHANNELS, CHANNEL_WEIGHTS))
                .append("industry", industry)
                .append("organization", organization ? industry + " bureau " + random.nextInt(40) + " of "
                        + REGIONS.get(region) : null)
                .append("customerKind", organization ? "ORGANIZATION" : "INDIVIDUAL")
                .append("model", weighted(random, MODELS, MODEL_WEIGHTS))
                .append("consultant", dealerId + "-c" + random.nextInt(6))
                .append("grade", "HABC".substring(random.nextInt(4)).substring(0, 1))
                .append("kept", random.nextInt(100) < 80)
                .append("day", day.toString())
                .append("capturedAt", Date.from(capturedAt.toInstant()))
                .append("leadSequence", 1L);
        if (random.nextInt(100) < 70) {
            long minutes = (long) (-Math.log(1 - random.nextDouble()) * 90);
            fact.append("reached", true)
                    .append("firstReachedAt", Date.from(capturedAt.plusMinutes(minutes).toInstant()))
                    .append("firstResponseMinutes", minutes);
        }
        int outcome = random.nextInt(100);
        if (outcome < 20) {
            fact.append("status", "WON");
        } else if (outcome < 25) {
            fact.append("status", "INVALID");
        } else if (outcome < 50) {
            defeat(fact, random, capturedAt);
        } else {
            fact.append("status", "OPEN");
        }
        return fact;
    }

    private static void defeat(Document fact, Random random, ZonedDateTime capturedAt) {
        boolean atRisk = random.nextInt(100) < 40;
        int settled = random.nextInt(100);
        String state = settled < 70 ? "CONFIRMED" : settled < 80 ? "REVERSED" : "PENDING_CALLBACK";
        fact.append("status", "CONFIRMED".equals(state) ? (atRisk ? "AT_RISK" : "DEFEATED") : "OPEN")
                .append("defeatId", "D" + fact.getString("_id"))
                .append("defeatState", state)
                .append("defeatKind", atRisk ? "AT_RISK" : "DEFEATED")
                .append("defeatSubtype", atRisk ? "GAVE_UP" : "BOUGHT_COMPETITOR")
                .append("defeatReasons", List.of(REASONS[random.nextInt(REASONS.length)]))
                .append("competitorBrand", atRisk ? null : BRANDS[random.nextInt(BRANDS.length)])
                .append("callbackDueAt", Date.from(capturedAt.plusDays(20 + random.nextInt(400)).toInstant()))
                .append("defeatsReported", 1)
                .append("defeatsConfirmed", "CONFIRMED".equals(state) ? 1 : 0)
                .append("defeatsReversed", "REVERSED".equals(state) ? 1 : 0);
        if (!"PENDING_CALLBACK".equals(state)) {
            fact.append("actualReasons", List.of(REASONS[random.nextInt(REASONS.length)]))
                    .append("ratings", new Document("reception", 1 + random.nextInt(5))
                            .append("negotiation", 1 + random.nextInt(5))
                            .append("followUp", 1 + random.nextInt(5)));
        }
    }

    private static String weighted(Random random, String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int k = 0; k < values.length; k++) {
            pick -= weights[k];
            if (pick < 0) {
                return values[k];
            }
        }
        return values[values.length - 1];
    }
}
