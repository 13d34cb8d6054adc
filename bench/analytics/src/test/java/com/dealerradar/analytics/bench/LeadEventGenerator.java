package com.dealerradar.analytics.bench;

import com.dealerradar.analytics.generation.application.ReadModels;
import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.EventJson;
import com.dealerradar.events.EventTypes;
import com.dealerradar.events.defeat.DefeatCallbackRecorded;
import com.dealerradar.events.defeat.DefeatConfirmed;
import com.dealerradar.events.defeat.DefeatReported;
import com.dealerradar.events.defeat.DefeatReversed;
import com.dealerradar.events.defeat.Ratings;
import com.dealerradar.events.directory.DealerRegistered;
import com.dealerradar.events.followup.FollowUpRecorded;
import com.dealerradar.events.lead.LeadCaptured;
import com.dealerradar.events.lead.LeadInvalidated;
import com.dealerradar.events.lead.LeadStatusChanged;
import com.dealerradar.events.lead.LeadWon;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import reactor.core.publisher.Flux;

/**
 * A dealer group's year of leads as the events the write side publishes for them: the capture, the
 * first reaching follow-up, the deal or the invalidation, and a loss report with its callback and
 * confirmation or reversal. Seeded, so every run makes the same events; a batch of {@code count}
 * leads spreads them over the whole year in capture order, as a history import would arrive.
 */
final class LeadEventGenerator {

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

    private final String prefix;

    /** {@code prefix} names this generator's leads, so that two loads never share a lead. */
    LeadEventGenerator(String prefix) {
        this.prefix = prefix;
    }

    /** Registers the group's dealers, as radar.directory would, in the read model's live generation. */
    static void registerDealers(ReadModels readModels) {
        for (int region = 0; region < REGIONS.size(); region++) {
            for (int dealer = 0; dealer < DEALERS_PER_REGION; dealer++) {
                String dealerId = dealerId(region, dealer);
                String regionName = REGIONS.get(region);
                readModels.applyDirectory(new EventEnvelope(UUID.randomUUID().toString(), "/directory",
                        EventTypes.DEALER_REGISTERED, dealerId, OffsetDateTime.now(), dealerId, regionName, 1,
                        EventJson.write(new DealerRegistered(dealerId, dealerId, regionName, "Changan")))).block();
            }
        }
    }

    /**
     * Applies the events of {@code count} leads through the consumer's intake, eight leads at a time, each
     * lead's events in order, as the listeners hand them over; the cells are left to whoever flushes.
     */
    void applyAll(ReadModels readModels, long count, Duration timeout) {
        List<List<EventEnvelope>> events = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            events.add(lead(i, count));
        }
        Flux.fromIterable(events).flatMap(lead -> Flux.fromIterable(lead).concatMap(readModels::applyLeadEvent).then(), 8)
                .then().block(timeout);
    }

    static String dealerId(int region, int dealer) {
        return String.format("D-%s-%02d", REGIONS.get(region).substring(0, 3).toUpperCase(), dealer + 1);
    }

    /** The events of lead {@code i} of {@code count}, in the order the write side publishes them. */
    List<EventEnvelope> lead(long i, long count) {
        Random random = new Random(prefix.hashCode() * 31L + i * 6364136223846793005L + 1442695040888963407L);
        String leadId = prefix + i;
        int region = random.nextInt(REGIONS.size());
        String regionName = REGIONS.get(region);
        String dealerId = dealerId(region, random.nextInt(DEALERS_PER_REGION));
        LocalDate day = FIRST_DAY.plusDays(i * 365 / count);
        OffsetDateTime at = day.atTime(LocalTime.of(8 + random.nextInt(12), random.nextInt(60))).atZone(ZONE)
                .toOffsetDateTime();
        boolean organization = random.nextInt(100) < 15;
        String industry = organization ? INDUSTRIES[random.nextInt(INDUSTRIES.length)] : null;
        List<EventEnvelope> events = new ArrayList<>();
        Versions versions = new Versions(leadId, dealerId, regionName);
        events.add(versions.lead(EventTypes.LEAD_CAPTURED, at, new LeadCaptured(leadId, dealerId, regionName,
                "crm-" + leadId, at, weighted(random, CHANNELS, CHANNEL_WEIGHTS), String.valueOf("HABC".charAt(random.nextInt(4))),
                random.nextInt(100) < 80, weighted(random, MODELS, MODEL_WEIGHTS), dealerId + "-c" + random.nextInt(6),
                new LeadCaptured.Customer(organization ? "ORGANIZATION" : "INDIVIDUAL", industry,
                        organization ? industry + " bureau " + random.nextInt(40) + " of " + regionName : null, null),
                null)));
        if (random.nextInt(100) < 70) {
            long minutes = (long) (-Math.log(1 - random.nextDouble()) * 90);
            OffsetDateTime reachedAt = at.plusMinutes(minutes);
            FollowUpRecorded followUp = new FollowUpRecorded("fu-" + leadId, leadId, dealerId, regionName, "CALL",
                    "REACHED", true, reachedAt, dealerId + "-c0", minutes);
            events.add(new EventEnvelope("e-fu-" + leadId, "/followup-service", EventTypes.FOLLOWUP_RECORDED,
                    followUp.followUpId(), reachedAt, dealerId, regionName, 1, EventJson.write(followUp)));
        }
        int outcome = random.nextInt(100);
        OffsetDateTime later = at.plusDays(1 + random.nextInt(20));
        if (outcome < 20) {
            events.add(versions.lead(EventTypes.LEAD_WON, later,
                    new LeadWon(leadId, dealerId, regionName, later, "CS75 PLUS", null)));
        } else if (outcome < 25) {
            events.add(versions.lead(EventTypes.LEAD_INVALIDATED, later,
                    new LeadInvalidated(leadId, dealerId, regionName, "WRONG_CONTACT", later)));
        } else if (outcome < 50) {
            defeat(random, versions, later, events);
        }
        return events;
    }

    private static void defeat(Random random, Versions v, OffsetDateTime at, List<EventEnvelope> events) {
        boolean atRisk = random.nextInt(100) < 40;
        int settled = random.nextInt(100);
        String kind = atRisk ? "AT_RISK" : "DEFEATED";
        String subtype = atRisk ? "GAVE_UP" : "BOUGHT_COMPETITOR";
        String brand = atRisk ? null : BRANDS[random.nextInt(BRANDS.length)];
        String defeatId = "d-" + v.leadId;
        events.add(v.defeat(EventTypes.DEFEAT_REPORTED, at, new DefeatReported(defeatId, v.leadId, v.dealerId, v.region,
                kind, subtype, List.of(REASONS[random.nextInt(REASONS.length)]), brand, null, null, at,
                at.plusDays(20 + random.nextInt(400)))));
        if (settled >= 80) {
            return;
        }
        OffsetDateTime called = at.plusDays(1);
        boolean confirmed = settled < 70;
        events.add(v.defeat(EventTypes.DEFEAT_CALLBACK_RECORDED, called, new DefeatCallbackRecorded(defeatId, v.leadId,
                v.dealerId, v.region, confirmed ? "CONFIRMED" : "FALSE_DEFEAT", 1,
                List.of(REASONS[random.nextInt(REASONS.length)]), brand, null,
                new Ratings(1 + random.nextInt(5), null, null, null, 1 + random.nextInt(5), 1 + random.nextInt(5)),
                called)));
        if (confirmed) {
            events.add(v.defeat(EventTypes.DEFEAT_CONFIRMED, called, new DefeatConfirmed(defeatId, v.leadId, v.dealerId,
                    v.region, kind, subtype, List.of(), null, called)));
            events.add(v.lead(EventTypes.LEAD_STATUS_CHANGED, called, new LeadStatusChanged(v.leadId, v.dealerId,
                    v.region, kind, "OPEN", defeatId, called)));
        } else {
            events.add(v.defeat(EventTypes.DEFEAT_REVERSED, called,
                    new DefeatReversed(defeatId, v.leadId, v.dealerId, v.region, called)));
        }
    }

    /** The next sequence of the lead and of its defeat, as the write side numbers them. */
    private static final class Versions {
        private final String leadId;
        private final String dealerId;
        private final String region;
        private long lead;
        private long defeat;

        Versions(String leadId, String dealerId, String region) {
            this.leadId = leadId;
            this.dealerId = dealerId;
            this.region = region;
        }

        EventEnvelope lead(String type, OffsetDateTime at, Object payload) {
            lead++;
            return new EventEnvelope("e-" + leadId + "-l" + lead, "/lead-service", type, leadId, at, dealerId, region,
                    lead, EventJson.write(payload));
        }

        EventEnvelope defeat(String type, OffsetDateTime at, Object payload) {
            defeat++;
            return new EventEnvelope("e-" + leadId + "-d" + defeat, "/defeat-service", type, "d-" + leadId, at,
                    dealerId, region, defeat, EventJson.write(payload));
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
