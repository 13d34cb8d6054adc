package com.dealerradar.local.demo;

import com.dealerradar.local.demo.DemoPlan.Callback;
import com.dealerradar.local.demo.DemoPlan.Customer;
import com.dealerradar.local.demo.DemoPlan.Deal;
import com.dealerradar.local.demo.DemoPlan.Dealer;
import com.dealerradar.local.demo.DemoPlan.Defeat;
import com.dealerradar.local.demo.DemoPlan.FollowUp;
import com.dealerradar.local.demo.DemoPlan.Invalid;
import com.dealerradar.local.demo.DemoPlan.Lead;
import com.dealerradar.local.demo.DemoPlan.Situations;
import com.dealerradar.local.demo.DemoPlan.Spend;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates a dealer group of the seed's shape: 12 Inner Mongolia regions × 5 dealers, twelve months
 * of leads up to {@code now}, their follow-ups, deals, losses and callbacks, and monthly spend. The
 * same seed and the same {@code now} give the same group. Four situations are planted so that the
 * dashboard tells them (see {@link Situations}).
 */
final class DemoGroup {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final String[][] REGIONS = {
            {"Hohhot", "HH", "1.6"}, {"Baotou", "BT", "1.4"}, {"Ordos", "OR", "1.3"}, {"Chifeng", "CF", "1.2"},
            {"Tongliao", "TL", "1.0"}, {"Ulanqab", "UQ", "0.8"}, {"Hinggan", "HG", "0.6"}, {"Hulunbuir", "HL", "0.9"},
            {"Bayannur", "BY", "0.7"}, {"Wuhai", "WH", "0.6"}, {"Xilingol", "XL", "0.7"}, {"Alxa", "AX", "0.5"}};
    private static final String BRAND = "Changan";
    private static final String[] MODELS = {"CS75 PLUS", "CS55 PLUS", "UNI-K", "UNI-V", "Eado PLUS", "CS35 PLUS", "Hunter F70"};
    private static final double[] MODEL_WEIGHTS = {30, 22, 12, 10, 12, 9, 5};
    private static final String[] CHANNELS = {"SHOWROOM", "ONLINE", "PHONE", "REFERRAL", "EXISTING_CUSTOMER", "EXHIBITION",
            "EVENT", "FLEET", "CANVASSING", "DRIVING_SCHOOL", "OTHER"};
    private static final double[] CHANNEL_WEIGHTS = {30, 25, 11, 8, 6, 8, 5, 3, 2, 1, 1};
    // Share of invalid leads, relative chance of a deal and spend per lead, by channel (same order).
    private static final double[] CHANNEL_INVALID = {0.03, 0.12, 0.06, 0.02, 0.02, 0.22, 0.08, 0.03, 0.25, 0.05, 0.10};
    private static final double[] CHANNEL_WIN = {1.1, 0.8, 0.9, 1.5, 1.6, 0.3, 1.0, 1.3, 0.5, 0.9, 0.7};
    private static final double[] CHANNEL_COST = {0.6, 1.3, 0.5, 0.2, 0.2, 6.0, 1.5, 1.0, 0.6, 0.8, 0.3};
    private static final String EXPENSIVE_CHANNEL = "EXHIBITION";
    private static final String[] INDUSTRIES = {"JUSTICE", "PUBLIC_SECURITY", "POWER_UTILITY", "MINING_ENERGY", "GOVERNMENT",
            "EDUCATION", "HEALTHCARE", "FINANCE", "TELECOM", "LOGISTICS", "CONSTRUCTION", "MANUFACTURING", "AGRICULTURE",
            "TRANSPORT", "RETAIL", "OTHER"};
    private static final double[] INDUSTRY_WEIGHTS = {12, 6, 4, 10, 7, 5, 5, 4, 3, 9, 8, 7, 9, 6, 5, 4};
    private static final String[] GRADES = {"H", "A", "B", "C"};
    private static final double[] GRADE_WEIGHTS = {10, 25, 35, 30};
    private static final double[] GRADE_WIN = {0.42, 0.28, 0.15, 0.06};
    private static final int[] GRADE_WINDOW_DAYS = {7, 15, 30, 90};
    private static final String[][] COMPETITORS = {{"Geely", "Monjaro"}, {"Geely", "Boyue L"}, {"BYD", "Song PLUS DM-i"},
            {"BYD", "Qin PLUS"}, {"Haval", "H6"}, {"Chery", "Tiggo 8"}, {"Great Wall", "Poer"}, {"Toyota", "RAV4"}};
    private static final String[] REPORTED_REASONS = {"PRICE", "PRICE", "PRICE", "COMPETITOR_OFFER", "BUDGET", "PRODUCT_FIT",
            "DESIGN", "STOCK", "FINANCING", "PLAN_CHANGED"};
    // What the callback finds: price is reported far more often than it is the reason.
    private static final String[] ACTUAL_REASONS = {"SALES_EXPERIENCE", "SALES_EXPERIENCE", "COMPETITOR_OFFER", "PRICE",
            "STOCK", "DELIVERY_TIME", "TRADE_IN", "BRAND_PREFERENCE", "LOCATION", "FINANCING"};
    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu",
            "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "Bao", "Borjigin", "Hasbagan", "Gao"};
    private static final String[] ORG_KINDS = {"Co.", "Group", "Bureau", "Center"};

    private static final String UNTOUCHED_REGION = "Tongliao";
    private static final String UNTOUCHED_INDUSTRY = "JUSTICE";
    private static final List<String> POWER_WAVE_REGIONS = List.of("Hohhot", "Baotou", "Ordos", "Chifeng", "Hulunbuir", "Xilingol");
    private static final String FALSE_DEFEAT_DEALER = "D-BT-03";

    private final Random random;
    private final Instant now;
    private final Instant latest;
    private final List<Dealer> dealers = new ArrayList<>();
    private final List<Lead> leads = new ArrayList<>();
    private final Map<String, Integer> refCounters = new HashMap<>();
    private int phones;

    private DemoGroup(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
        // Nothing is dated in the last hour, so that no write is "in the future" on a slightly slow clock.
        this.latest = now.minus(Duration.ofHours(1));
    }

    /**
     * Leads per month of a mid-sized dealer: about 2,500 leads in the year, enough for every page to have a
     * shape and for the planted situations to stand out, and loaded in a few minutes on two cores.
     */
    static final double DEFAULT_SCALE = 4;

    static DemoPlan generate(long seed, Instant now, double leadsPerDealerMonth) {
        return new DemoGroup(seed, now).plan(leadsPerDealerMonth);
    }

    private DemoPlan plan(double leadsPerDealerMonth) {
        for (String[] region : REGIONS) {
            for (int n = 1; n <= 5; n++) {
                String id = String.format(Locale.ROOT, "D-%s-%02d", region[1], n);
                dealers.add(new Dealer(id, region[0] + " " + BRAND + " " + storeName(n), region[0], BRAND));
            }
        }
        List<Spend> spends = new ArrayList<>();
        for (MonthSpan span : lastTwelveMonths()) {
            for (Dealer dealer : dealers) {
                double size = Double.parseDouble(regionOf(dealer.region())[2]) * (0.75 + 0.5 * unit(dealer.dealerId()));
                int count = poisson(leadsPerDealerMonth * size * seasonal(span.month()) * span.share());
                List<Lead> monthLeads = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Instant at = randomInstantIn(span);
                    monthLeads.add(lead(dealer, at, pickCustomer(dealer), null));
                }
                if (POWER_WAVE_REGIONS.contains(dealer.region()) && span.isBudgetYearEnd() && dealer.dealerId().endsWith("01")) {
                    monthLeads.addAll(powerWave(dealer, span));
                }
                leads.addAll(monthLeads);
                if (!monthLeads.isEmpty()) {
                    spends.add(spend(dealer, span.month(), monthLeads));
                }
            }
        }
        return new DemoPlan(List.copyOf(dealers), List.copyOf(leads), spends, new Situations(UNTOUCHED_REGION,
                UNTOUCHED_INDUSTRY, POWER_WAVE_REGIONS, FALSE_DEFEAT_DEALER, EXPENSIVE_CHANNEL));
    }

    /**
     * The part of a calendar month (in the group's time zone) inside the year up to an hour ago, and
     * which share of the whole month that is: the first and the current month are partial, so that
     * their leads are in proportion to the days they have.
     */
    private record MonthSpan(YearMonth month, Instant start, Instant end, double share) {

        /** November or December, most of it inside the year (a wave squeezed into a few hours would be no wave). */
        boolean isBudgetYearEnd() {
            return month.getMonthValue() >= 11 && share >= 0.5;
        }
    }

    private List<MonthSpan> lastTwelveMonths() {
        Instant since = now.atZone(ZONE).minusYears(1).toInstant();
        List<MonthSpan> spans = new ArrayList<>();
        for (YearMonth month = YearMonth.from(since.atZone(ZONE)); !month.isAfter(YearMonth.from(latest.atZone(ZONE)));
                month = month.plusMonths(1)) {
            Instant monthStart = month.atDay(1).atStartOfDay(ZONE).toInstant();
            Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
            Instant start = monthStart.isBefore(since) ? since : monthStart;
            Instant end = monthEnd.isAfter(latest) ? latest : monthEnd;
            if (end.isAfter(start)) {
                spans.add(new MonthSpan(month, start, end, (double) Duration.between(start, end).getSeconds()
                        / Duration.between(monthStart, monthEnd).getSeconds()));
            }
        }
        return spans;
    }

    /** Power utilities asking for fleets near the budget year-end, in several regions at once. */
    private List<Lead> powerWave(Dealer dealer, MonthSpan span) {
        List<Lead> wave = new ArrayList<>();
        int count = 3 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Instant at = randomInstantIn(span);
            String org = "State Grid " + dealer.region() + " Power Supply Co." + (i == 0 ? "" : " branch " + (i + 1));
            Customer customer = new Customer("ORGANIZATION", org, phone(), "POWER_UTILITY", org);
            wave.add(lead(dealer, at, customer, "POWER_WAVE"));
        }
        return wave;
    }

    private Lead lead(Dealer dealer, Instant at, Customer customer, String story) {
        String ref = nextRef(dealer.dealerId(), "crm");
        boolean powerWave = "POWER_WAVE".equals(story);
        int channelIndex = powerWave ? indexOf(CHANNELS, "FLEET") : pick(CHANNEL_WEIGHTS);
        String channel = CHANNELS[channelIndex];
        int gradeIndex = powerWave ? 0 : pick(GRADE_WEIGHTS);
        String grade = GRADES[gradeIndex];
        String model = powerWave ? "Hunter F70" : MODELS[pick(MODEL_WEIGHTS)];
        String consultant = consultant(dealer);
        int vehicles = powerWave ? 6 + random.nextInt(15)
                : "ORGANIZATION".equals(customer.kind()) ? 1 + random.nextInt(random.nextDouble() < 0.3 ? 5 : 1) : 1;
        boolean kept = powerWave || random.nextDouble() < ("SHOWROOM".equals(channel) ? 0.72 : 0.85);

        if (!powerWave && random.nextDouble() < CHANNEL_INVALID[channelIndex]) {
            Instant invalidAt = clamp(at.plus(Duration.ofMinutes(30 + random.nextInt(48 * 60))));
            String reason = new String[] {"WRONG_CONTACT", "DUPLICATE", "NO_INTENT", "OUT_OF_AREA", "ALREADY_BOUGHT"}[random.nextInt(5)];
            return new Lead(ref, dealer, at, channel, grade, kept, model, consultant, customer, vehicles,
                    new Invalid(invalidAt, reason), List.of(), null, null);
        }

        List<FollowUp> followUps = new ArrayList<>();
        Instant reachedAt = null;
        if (kept && random.nextDouble() < 0.88) {
            boolean slowDealer = dealer.dealerId().endsWith("04");
            double minutes = Math.exp(Math.log(slowDealer ? 200 : 35) + random.nextGaussian() * 1.0);
            Instant first = at.plus(Duration.ofSeconds((long) (minutes * 60)));
            if (random.nextDouble() < 0.15 && first.isBefore(latest)) {
                followUps.add(followUp(dealer, first, "CALL", "NOT_REACHED", consultant));
                first = first.plus(Duration.ofHours(2 + random.nextInt(30)));
            }
            if (first.isBefore(latest)) {
                String outcome = new String[] {"REACHED", "REACHED", "APPOINTMENT_SET", "VISITED"}[random.nextInt(4)];
                followUps.add(followUp(dealer, first, random.nextBoolean() ? "CALL" : "WECHAT", outcome, consultant));
                reachedAt = first;
            }
        }

        boolean untouched = UNTOUCHED_REGION.equals(dealer.region()) && UNTOUCHED_INDUSTRY.equals(customer.industry());
        double win = GRADE_WIN[gradeIndex] * CHANNEL_WIN[channelIndex] * (reachedAt == null ? 0.25 : 1.0);
        if (UNTOUCHED_INDUSTRY.equals(customer.industry())) {
            win = 0.5;
        }
        if (powerWave) {
            win = 0.55;
        }
        Deal deal = null;
        Instant dealAt = at.plus(Duration.ofHours(6 + random.nextInt(GRADE_WINDOW_DAYS[gradeIndex] * 24 + 24)));
        if (reachedAt != null && dealAt.isBefore(reachedAt)) {
            dealAt = reachedAt.plus(Duration.ofHours(4));
        }
        if (!untouched && random.nextDouble() < win && dealAt.isBefore(latest)) {
            long price = 90_000 + 10_000L * random.nextInt(12);
            deal = new Deal(dealAt, model, price * vehicles, vehicles);
        }
        if (reachedAt != null && deal == null && random.nextDouble() < 0.3) {
            Instant second = reachedAt.plus(Duration.ofHours(20 + random.nextInt(24 * 6)));
            if (second.isBefore(latest)) {
                followUps.add(followUp(dealer, second, random.nextBoolean() ? "SHOWROOM_VISIT" : "TEST_DRIVE",
                        random.nextBoolean() ? "VISITED" : "TEST_DRIVEN", consultant));
            }
        } else if (deal != null && reachedAt != null && dealAt.minus(Duration.ofHours(3)).isAfter(reachedAt)) {
            followUps.add(followUp(dealer, dealAt.minus(Duration.ofHours(2)), "TEST_DRIVE", "TEST_DRIVEN", consultant));
        }

        Defeat defeat = null;
        if (deal == null && !untouched && !powerWave && random.nextDouble() < 0.45) {
            Instant lastFollowUp = followUps.isEmpty() ? at : followUps.get(followUps.size() - 1).at();
            Instant defeatAt = lastFollowUp.plus(Duration.ofHours(24 * (3 + random.nextInt(35))));
            if (defeatAt.isBefore(latest)) {
                defeat = defeat(dealer, defeatAt, consultant);
            }
        }
        return new Lead(ref, dealer, at, channel, grade, kept, model, consultant, customer, vehicles, null,
                List.copyOf(followUps), deal, defeat);
    }

    private Defeat defeat(Dealer dealer, Instant at, String consultant) {
        String kind;
        String subtype;
        String sameGroup = null;
        double r = random.nextDouble();
        String[] competitor = COMPETITORS[random.nextInt(COMPETITORS.length)];
        String brand = null;
        String model = null;
        if (r < 0.45) {
            kind = "DEFEATED";
            subtype = "BOUGHT_COMPETITOR";
            brand = competitor[0];
            model = competitor[1];
        } else if (r < 0.55) {
            kind = "DEFEATED";
            subtype = "LOST_CONTACT";
        } else if (r < 0.63) {
            kind = "DEFEATED";
            subtype = "BOUGHT_SAME_BRAND_ELSEWHERE";
            brand = BRAND;
            if (random.nextBoolean()) {
                sameGroup = neighbour(dealer).dealerId();
            }
        } else {
            kind = "AT_RISK";
            subtype = new String[] {"GAVE_UP", "LONG_UNCONVERTED", "MISJUDGED"}[random.nextInt(3)];
        }
        List<String> reasons = reasons(REPORTED_REASONS);
        Callback callback = null;
        Instant callbackAt = at.plus(Duration.ofHours(2 + random.nextInt(60)));
        if (callbackAt.isBefore(latest) && random.nextDouble() < 0.9) {
            double falseShare = FALSE_DEFEAT_DEALER.equals(dealer.dealerId()) ? 0.55 : 0.07;
            double c = random.nextDouble();
            String outcome = c < falseShare ? "FALSE_DEFEAT" : c < falseShare + 0.05 ? "UNREACHABLE" : "CONFIRMED";
            Map<String, Integer> ratings = new LinkedHashMap<>();
            for (String step : new String[] {"reception", "needsAnalysis", "presentation", "testDrive", "negotiation", "followUp"}) {
                int base = switch (step) {
                    case "reception", "presentation" -> 4;
                    case "testDrive" -> 4;
                    default -> 3;
                };
                ratings.put(step, Math.max(1, Math.min(5, base + (int) Math.round(random.nextGaussian() * 0.9)
                        - ("followUp".equals(step) ? 1 : 0))));
            }
            boolean confirmed = "CONFIRMED".equals(outcome);
            callback = new Callback(callbackAt, outcome, confirmed ? reasons(ACTUAL_REASONS) : List.of(),
                    confirmed ? brand : null, confirmed ? model : null, "UNREACHABLE".equals(outcome) ? Map.of() : ratings,
                    "manager." + dealer.dealerId().substring(2, 4).toLowerCase(Locale.ROOT));
        }
        return new Defeat(nextRef(dealer.dealerId(), "lost"), at, kind, subtype, reasons, brand, model, sameGroup,
                consultant, callback);
    }

    private Spend spend(Dealer dealer, YearMonth month, List<Lead> monthLeads) {
        double perLead = 1_100 * (0.8 + 0.4 * unit(dealer.dealerId() + "spend"));
        long total = Math.round(monthLeads.size() * perLead / 100.0) * 100;
        Map<String, Double> weights = new LinkedHashMap<>();
        for (Lead lead : monthLeads) {
            weights.merge(lead.channel(), CHANNEL_COST[indexOf(CHANNELS, lead.channel())], Double::sum);
        }
        double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Long> byChannel = new LinkedHashMap<>();
        long given = 0;
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            long share = (long) Math.floor(total * w.getValue() / sum / 100.0) * 100;
            byChannel.put(w.getKey(), share);
            given += share;
        }
        // Rounding down leaves a little over; it stays in the total, as unsplit spend.
        return new Spend(dealer.dealerId(), month, Math.max(total, given), byChannel);
    }

    private Customer pickCustomer(Dealer dealer) {
        if (random.nextDouble() < 0.18) {
            // Tongliao hears from its justice bureaus and courts often enough (some 30 leads a year at the
            // default scale, none won) that the missed-prospect radar's own significance test finds the gap,
            // not only the eye on the comparison heat map: with the group's usual share it was no discovery.
            String industry = UNTOUCHED_REGION.equals(dealer.region()) && random.nextDouble() < 0.7
                    ? UNTOUCHED_INDUSTRY : INDUSTRIES[pick(INDUSTRY_WEIGHTS)];
            String org = organization(dealer.region(), industry);
            return new Customer("ORGANIZATION", org, phone(), industry, org);
        }
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + " " + (char) ('A' + random.nextInt(26)) + ".";
        return new Customer("INDIVIDUAL", name, phone(), null, null);
    }

    private String organization(String region, String industry) {
        int n = 1 + random.nextInt(4);
        return switch (industry) {
            case "JUSTICE" -> region + (n % 2 == 0 ? " Justice Bureau" : " Intermediate People's Court") + (n > 2 ? " office " + n : "");
            case "PUBLIC_SECURITY" -> region + " Public Security Bureau" + (n > 1 ? " district " + n : "");
            case "POWER_UTILITY" -> "State Grid " + region + " Power Supply Co.";
            case "GOVERNMENT" -> region + " Municipal Government Service Center";
            case "EDUCATION" -> region + " No." + n + " Middle School";
            case "HEALTHCARE" -> region + " People's Hospital";
            default -> region + " " + capitalized(industry) + " " + ORG_KINDS[n % ORG_KINDS.length] + " " + n;
        };
    }

    private Dealer neighbour(Dealer dealer) {
        List<Dealer> same = dealers.stream()
                .filter(d -> d.region().equals(dealer.region()) && !d.dealerId().equals(dealer.dealerId())).toList();
        return same.get(random.nextInt(same.size()));
    }

    private FollowUp followUp(Dealer dealer, Instant at, String type, String outcome, String consultant) {
        return new FollowUp(nextRef(dealer.dealerId(), "fu"), at, type, outcome, consultant);
    }

    private List<String> reasons(String[] from) {
        String first = from[random.nextInt(from.length)];
        String second = from[random.nextInt(from.length)];
        return random.nextDouble() < 0.35 && !second.equals(first) ? List.of(first, second) : List.of(first);
    }

    private String consultant(Dealer dealer) {
        String[] names = {"wang", "li", "zhang", "liu"};
        return names[random.nextInt(names.length)] + "." + dealer.dealerId().substring(2).toLowerCase(Locale.ROOT);
    }

    private String nextRef(String dealerId, String kind) {
        int n = refCounters.merge(dealerId + kind, 1, Integer::sum);
        return String.format(Locale.ROOT, "demo-%s-%06d", kind, n);
    }

    private String phone() {
        phones++;
        return String.format(Locale.ROOT, "13%09d", (phones * 7_919L + 100_000_000L) % 1_000_000_000L);
    }

    /** A random moment of the span, in business hours where the span leaves room for them. */
    private Instant randomInstantIn(MonthSpan span) {
        long seconds = Duration.between(span.start(), span.end()).getSeconds();
        // Business hours are busier: draw the day, then an hour between 8 and 21.
        long days = Math.max(1, seconds / 86_400);
        Instant day = span.start().plus(Duration.ofDays((long) (random.nextDouble() * days)));
        Instant at = day.plus(Duration.ofMinutes(8 * 60 + random.nextInt(13 * 60)));
        return at.isAfter(span.end()) ? span.start().plusSeconds((long) (random.nextDouble() * seconds)) : at;
    }

    private Instant clamp(Instant at) {
        return at.isAfter(latest) ? latest : at;
    }

    /** Fewer leads around the Spring Festival, more in the autumn. */
    private static double seasonal(YearMonth month) {
        return switch (month.getMonthValue()) {
            case 1, 2 -> 0.75;
            case 9, 10, 11 -> 1.15;
            default -> 1.0;
        };
    }

    private static String[] regionOf(String name) {
        for (String[] region : REGIONS) {
            if (region[0].equals(name)) {
                return region;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static String storeName(int n) {
        return new String[] {"4S", "City Store", "Auto Mall", "Motors", "Service Center"}[n - 1];
    }

    /** A number in [0, 1) fixed for a key, so that a dealer's size does not depend on the draw order. */
    private static double unit(String key) {
        return (key.hashCode() & 0x7fffffff) % 1000 / 1000.0;
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static int indexOf(String[] values, String value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(value)) {
                return i;
            }
        }
        throw new IllegalArgumentException(value);
    }

    private static String capitalized(String code) {
        String lower = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
