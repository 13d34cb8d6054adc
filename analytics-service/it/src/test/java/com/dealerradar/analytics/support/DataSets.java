package com.dealerradar.analytics.support;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.events.defeat.Ratings;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The hand-computed data sets of the analytics tests: each returns its events in the order the write side makes them. */
public final class DataSets {

    public static final String STRUCTURE_DEALER = "D-HG-01";
    public static final String STRUCTURE_REGION = "Hinggan";
    public static final String FUNNEL_DEALER = "D-WH-01";
    public static final String FUNNEL_REGION = "Wuhai";
    public static final String DEFEATS_DEALER = "D-AL-01";
    public static final String DEFEATS_REGION = "Alxa";
    public static final String TARGET_REGION = "Chifeng";
    public static final List<String> PEER_REGIONS = List.of("Hohhot", "Baotou", "Ordos");

    private static final String[] CHANNELS = {"SHOWROOM", "PHONE", "ONLINE", "EXHIBITION"};
    private static final String[] CONSULTANTS = {"wang.li", "zhao.min", "li.na"};

    private DataSets() {}

    public static List<EventEnvelope> directory() {
        List<EventEnvelope> dealers = new ArrayList<>();
        dealers.add(Events.dealer(STRUCTURE_DEALER, STRUCTURE_REGION));
        dealers.add(Events.dealer(FUNNEL_DEALER, FUNNEL_REGION));
        dealers.add(Events.dealer(DEFEATS_DEALER, DEFEATS_REGION));
        dealers.add(Events.dealer(dealerOf(TARGET_REGION), TARGET_REGION));
        PEER_REGIONS.forEach(region -> dealers.add(Events.dealer(dealerOf(region), region)));
        return dealers;
    }

    public static String dealerOf(String prospectRegion) {
        return "D-" + prospectRegion.substring(0, 2).toUpperCase() + "-01";
    }

    private static OffsetDateTime november(int day) {
        return OffsetDateTime.parse(String.format("2026-11-%02dT10:00:00+08:00", day));
    }

    /**
     * One dealer, November: 500 leads, 110 won, 165 open (20 of them with a loss reported and not yet
     * called back), 225 confirmed lost (75 at risk, 150 defeated).
     */
    public static List<EventEnvelope> structure() {
        Events events = new Events();
        List<EventEnvelope> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String id = "hg-" + i;
            OffsetDateTime at = november(1 + i % 28);
            all.add(events.captured(Events.Lead.of(id, STRUCTURE_DEALER, STRUCTURE_REGION, at)
                    .channel(CHANNELS[i % CHANNELS.length]).consultant(CONSULTANTS[i % CONSULTANTS.length])));
            if (i < 110) {
                all.add(events.followUp(id, STRUCTURE_DEALER, STRUCTURE_REGION, true, at.plusMinutes(20), 20L));
                all.add(events.won(id, at.plusDays(2)));
            } else if (i < 130) {
                all.add(events.reported(id, "AT_RISK", "GAVE_UP", List.of("BUDGET"), null, null, at.plusDays(1),
                        at.plusDays(3)));
            } else if (i >= 275) {
                boolean atRisk = i < 350;
                String kind = atRisk ? "AT_RISK" : "DEFEATED";
                String subtype = atRisk ? "GAVE_UP" : "BOUGHT_COMPETITOR";
                all.add(events.reported(id, kind, subtype, List.of("PRICE"), atRisk ? null : "Geely", null,
                        at.plusDays(1), at.plusDays(3)));
                all.add(events.callback(id, "CONFIRMED", 1, List.of(), null, null, at.plusDays(2)));
                all.add(events.confirmed(id, kind, subtype, null, at.plusDays(2)));
                all.add(events.statusChanged(id, kind, "OPEN", at.plusDays(2)));
            }
        }
        return all;
    }

    /**
     * One dealer, November. SHOWROOM: 20 leads (+2 invalid), 16 kept, 12 of them reached after 5, 10,
     * ... 60 minutes, 6 won. PHONE: 20 leads, 10 kept (one only through a later contact-retained), 5
     * of them reached after 30, 60, 90, 120, 240 minutes, 1 won; one lead that left no contact is
     * reached after 600 minutes. One follow-up comes before its lead's capture.
     */
    public static List<EventEnvelope> funnel() {
        Events events = new Events();
        List<EventEnvelope> all = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            String id = "wh-s" + i;
            OffsetDateTime at = november(1 + i);
            all.add(events.captured(Events.Lead.of(id, FUNNEL_DEALER, FUNNEL_REGION, at).kept(i < 16 || i >= 20)));
            if (i >= 20) {
                all.add(events.invalidated(id, at.plusHours(1)));
                continue;
            }
            if (i < 12) {
                all.add(events.followUp(id, FUNNEL_DEALER, FUNNEL_REGION, true, at.plusMinutes(5L * (i + 1)),
                        5L * (i + 1)));
            }
            if (i < 6) {
                all.add(events.won(id, at.plusDays(3)));
            }
        }
        long[] phoneMinutes = {30, 60, 90, 120, 240};
        for (int i = 0; i < 20; i++) {
            String id = "wh-p" + i;
            OffsetDateTime at = november(1 + i);
            EventEnvelope captured = events.captured(Events.Lead.of(id, FUNNEL_DEALER, FUNNEL_REGION, at)
                    .channel("PHONE").kept(i < 9));
            if (i < 5) {
                EventEnvelope followUp = events.followUp(id, FUNNEL_DEALER, FUNNEL_REGION, true,
                        at.plusMinutes(phoneMinutes[i]), phoneMinutes[i]);
                if (i == 0) {
                    all.add(followUp);
                    all.add(captured);
                } else {
                    all.add(captured);
                    all.add(followUp);
                }
            } else {
                all.add(captured);
            }
            if (i == 5) {
                all.add(events.followUp(id, FUNNEL_DEALER, FUNNEL_REGION, false, at.plusMinutes(10), null));
            }
            if (i == 9) {
                all.add(events.contactRetained(id, at.plusDays(1)));
            }
            if (i == 10) {
                all.add(events.followUp(id, FUNNEL_DEALER, FUNNEL_REGION, true, at.plusMinutes(600), 600L));
            }
            if (i == 0) {
                all.add(events.won(id, at.plusDays(5)));
            }
        }
        return all;
    }

    /** One dealer, November, ten leads; six losses reported (see DefeatsIT for what each shows). */
    public static List<EventEnvelope> defeats(OffsetDateTime overdue, OffsetDateTime notYetDue) {
        Events events = new Events();
        List<EventEnvelope> all = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            all.add(events.captured(Events.Lead.of("al-" + i, DEFEATS_DEALER, DEFEATS_REGION, november(i))));
        }
        OffsetDateTime at = november(15);
        all.add(events.reported("al-1", "DEFEATED", "BOUGHT_COMPETITOR", List.of("PRICE"), "Geely", null, at, at.plusDays(2)));
        all.add(events.callback("al-1", "CONFIRMED", 1, List.of("SALES_EXPERIENCE"), "Geely",
                new Ratings(4, null, null, null, 2, null), at.plusDays(1)));
        all.add(events.confirmed("al-1", "DEFEATED", "BOUGHT_COMPETITOR", null, at.plusDays(1)));
        all.add(events.statusChanged("al-1", "DEFEATED", "OPEN", at.plusDays(1)));

        all.add(events.reported("al-2", "DEFEATED", "BOUGHT_COMPETITOR", List.of("PRICE", "COMPETITOR_OFFER"), "Chery",
                null, at, at.plusDays(2)));
        all.add(events.callback("al-2", "UNREACHABLE", 1, List.of(), null, null, at.plusDays(1)));
        all.add(events.callback("al-2", "CONFIRMED", 2, List.of(), "BYD", new Ratings(2, null, null, null, 4, 1),
                at.plusDays(1)));
        all.add(events.confirmed("al-2", "DEFEATED", "BOUGHT_COMPETITOR", null, at.plusDays(1)));
        all.add(events.statusChanged("al-2", "DEFEATED", "OPEN", at.plusDays(1)));

        all.add(events.reported("al-3", "AT_RISK", "GAVE_UP", List.of("BUDGET"), null, null, at, at.plusDays(2)));
        all.add(events.callback("al-3", "FALSE_DEFEAT", 1, List.of(), null, new Ratings(5, 5, 5, 5, 5, 5), at.plusDays(1)));
        all.add(events.reversed("al-3", at.plusDays(1)));

        all.add(events.reported("al-4", "DEFEATED", "BOUGHT_SAME_BRAND_ELSEWHERE", List.of("LOCATION"), "Changan",
                "D-AL-02", at, at.plusDays(2)));
        all.add(events.confirmed("al-4", "DEFEATED", "BOUGHT_SAME_BRAND_ELSEWHERE", "D-AL-02", at.plusDays(1)));
        all.add(events.statusChanged("al-4", "DEFEATED", "OPEN", at.plusDays(1)));

        all.add(events.reported("al-5", "AT_RISK", "LONG_UNCONVERTED", List.of("PLAN_CHANGED"), null, null, at, overdue));
        all.add(events.reported("al-6", "DEFEATED", "LOST_CONTACT", List.of("OTHER"), null, null, at, notYetDue));
        return all;
    }

    private static OffsetDateTime september(int day) {
        return OffsetDateTime.parse(String.format("2026-09-%02dT10:00:00+08:00", day));
    }

    /**
     * September, four regions of 100 leads each. The peers each win 8 of 20 JUSTICE leads; EDUCATION
     * has one lead per peer, won in two of them; individuals win 10 of the rest. Chifeng has 5 open
     * JUSTICE leads, 2 open EDUCATION leads and wins 15 individuals.
     */
    public static List<EventEnvelope> prospects() {
        Events events = new Events();
        List<EventEnvelope> all = new ArrayList<>();
        for (String region : PEER_REGIONS) {
            String dealer = dealerOf(region);
            String prefix = region.toLowerCase();
            for (int j = 0; j < 20; j++) {
                String id = prefix + "-j" + j;
                all.add(events.captured(Events.Lead.of(id, dealer, region, september(1 + j))
                        .organization("JUSTICE", region + " Court " + (j % 3))));
                if (j < 8) {
                    all.add(events.won(id, september(1 + j).plusDays(5)));
                }
            }
            String school = prefix + "-e0";
            all.add(events.captured(Events.Lead.of(school, dealer, region, september(3))
                    .organization("EDUCATION", region + " No.1 Middle School")));
            if (!region.equals("Ordos")) {
                all.add(events.won(school, september(10)));
            }
            individuals(events, all, region, dealer, 79, 10);
        }
        String dealer = dealerOf(TARGET_REGION);
        for (int j = 0; j < 5; j++) {
            all.add(events.captured(Events.Lead.of("chifeng-j" + j, dealer, TARGET_REGION, september(1 + j))
                    .organization("JUSTICE", "Chifeng Court " + j)));
        }
        for (int j = 0; j < 2; j++) {
            all.add(events.captured(Events.Lead.of("chifeng-e" + j, dealer, TARGET_REGION, september(1 + j))
                    .organization("EDUCATION", "Chifeng School " + j)));
        }
        individuals(events, all, TARGET_REGION, dealer, 93, 15);
        return all;
    }

    private static void individuals(Events events, List<EventEnvelope> all, String region, String dealer, int count,
            int won) {
        for (int k = 0; k < count; k++) {
            String id = region.toLowerCase() + "-i" + k;
            all.add(events.captured(Events.Lead.of(id, dealer, region, september(1 + k % 28))));
            if (k < won) {
                all.add(events.won(id, september(1 + k % 28).plusDays(2)));
            }
        }
    }
}
