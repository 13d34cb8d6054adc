package com.dealerradar.local.demo;

import com.dealerradar.local.CommandLineOptions;
import com.dealerradar.local.demo.DemoPlan.Dealer;
import com.dealerradar.local.demo.DemoPlan.Defeat;
import com.dealerradar.local.demo.DemoPlan.FollowUp;
import com.dealerradar.local.demo.DemoPlan.Lead;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Loads the generated demo group through the public API, as the dealers' systems and headquarters
 * would: dealers and keys, monthly spend, leads in batches, then follow-ups, invalid marks, deals,
 * losses and callbacks in time order per kind. Prints the dashboard URL and ready-made keys.
 * <pre>
 *   java -jar radar-local.jar demo --gateway http://127.0.0.1:8080 --admin-key KEY [--seed 20261130] [--scale 4]
 * </pre>
 * {@code --scale} is the leads per month of a mid-sized dealer. Loading again adds nothing twice: every
 * create carries the same {@code externalRef}.
 */
public final class DemoLoader {

    // Small enough that a batch answers well within the gateway's response timeout on a busy machine.
    private static final int BATCH = 100;
    private static final Duration ANALYTICS_WAIT = Duration.ofMinutes(3);
    private static final String MANAGER_REGION = "Baotou";

    private final GatewayClient api;
    /**
     * Follow-ups have many more in flight: one whose lead the follow-up service has not taken in yet is
     * held for a few seconds and then accepted as awaiting it (202), and those waits would otherwise
     * hold up the whole phase while the machine idles.
     */
    private final GatewayClient followUpApi;
    private final String adminKey;
    private final Map<String, String> dealerKeys = new ConcurrentHashMap<>();
    private final Map<Lead, String> leadIds = new ConcurrentHashMap<>();

    private DemoLoader(String gateway, String adminKey) {
        this.api = new GatewayClient(gateway, 8);
        this.followUpApi = new GatewayClient(gateway, 48);
        this.adminKey = adminKey;
    }

    public static void main(String[] args) {
        CommandLineOptions options = CommandLineOptions.parse(args, 0);
        String gateway = options.required("gateway");
        long seed = Long.parseLong(options.optional("seed", "20261130"));
        double scale = Double.parseDouble(options.optional("scale", String.valueOf(DemoGroup.DEFAULT_SCALE)));
        new DemoLoader(gateway, options.required("admin-key")).load(gateway, seed, scale);
    }

    private void load(String gateway, long seed, double scale) {
        long started = System.nanoTime();
        DemoPlan plan = DemoGroup.generate(seed, Instant.now(), scale);
        System.out.printf(Locale.ROOT, "Demo: %d dealers, %d leads over twelve months (seed %d)%n",
                plan.dealers().size(), plan.leads().size(), seed);

        step("dealers and keys", () -> registerDealers(plan));
        step("marketing spend", () -> putSpend(plan));
        step("leads", () -> postLeads(plan));
        step("invalid leads", () -> markInvalid(plan));
        step("follow-ups", () -> postFollowUps(plan));
        step("deals", () -> postDeals(plan));
        step("lost sales", () -> postDefeats(plan));
        Map<String, String> keys = timed("dashboard keys", this::issueDashboardKeys);
        step("analytics catching up", () -> awaitAnalytics(plan, keys.get("HQ")));

        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf(Locale.ROOT, """

                Demo loaded in %d s: %d leads, %d follow-ups, %d deals, %d lost sales, %d callbacks (%d API requests).
                Planted: %s has open %s leads and no deals while its peers sell there; power utilities in %s ask
                for fleets near the budget year-end; %s's losses are often false on callback; %s costs the most per won.

                Dashboard:  %s/
                API reference: %s/swagger.html
                  HQ key:               %s
                  Regional manager key: %s (%s)
                  Dealer key:           %s (%s)
                """, seconds, plan.leads().size(), count(plan, l -> l.followUps().size()), count(plan, l -> l.deal() == null ? 0 : 1),
                count(plan, l -> l.defeat() == null ? 0 : 1),
                count(plan, l -> l.defeat() == null || l.defeat().callback() == null ? 0 : 1), api.requests() + followUpApi.requests(),
                plan.situations().untouchedRegion(), plan.situations().untouchedIndustry(),
                String.join(", ", plan.situations().powerWaveRegions()), plan.situations().falseDefeatDealer(),
                plan.situations().expensiveChannel(), gateway, gateway, keys.get("HQ"), keys.get("REGION_MANAGER"),
                MANAGER_REGION, keys.get("DEALER"), plan.situations().falseDefeatDealer());
    }

    private void registerDealers(DemoPlan plan) {
        api.each(plan.dealers(), dealer -> api.send("POST", "/api/dealers", adminKey, Map.of("dealerId", dealer.dealerId(),
                "name", dealer.name(), "region", dealer.region(), "brand", dealer.brand()), 201, 409));
        // Each dealer's system posts with its own key, as in production.
        List<JsonNode> issued = api.each(plan.dealers(), dealer -> api.send("POST", "/api/keys", adminKey,
                Map.of("role", "DEALER", "dealerId", dealer.dealerId(), "label", "demo loader " + dealer.dealerId()), 201));
        for (int i = 0; i < issued.size(); i++) {
            dealerKeys.put(plan.dealers().get(i).dealerId(), issued.get(i).get("apiKey").asString());
        }
    }

    private void putSpend(DemoPlan plan) {
        api.each(plan.spends(), spend -> api.send("PUT", "/api/analytics/spend/" + spend.dealerId() + "/" + spend.month(),
                adminKey, Map.of("total", spend.total(), "byChannel", spend.byChannel()), 200));
    }

    private void postLeads(DemoPlan plan) {
        Map<Dealer, List<Lead>> byDealer = plan.leads().stream()
                .collect(Collectors.groupingBy(Lead::dealer, LinkedHashMap::new, Collectors.toList()));
        List<List<Lead>> batches = new ArrayList<>();
        byDealer.values().forEach(leads -> {
            for (int from = 0; from < leads.size(); from += BATCH) {
                batches.add(leads.subList(from, Math.min(leads.size(), from + BATCH)));
            }
        });
        api.each(batches, batch -> {
            List<Map<String, Object>> items = batch.stream().map(DemoLoader::leadBody).toList();
            return api.send("POST", "/api/leads/batch", dealerKeys.get(batch.get(0).dealer().dealerId()),
                    Map.of("items", items), 200).thenApply(answer -> {
                        for (JsonNode result : answer.get("results")) {
                            Lead lead = batch.get(result.get("index").asInt());
                            if (!result.hasNonNull("leadId")) {
                                throw new IllegalStateException("lead " + lead.externalRef() + " was refused: " + result);
                            }
                            leadIds.put(lead, result.get("leadId").asString());
                        }
                        return answer;
                    });
        });
    }

    private void markInvalid(DemoPlan plan) {
        List<Lead> invalid = plan.leads().stream().filter(l -> l.invalid() != null).toList();
        api.each(invalid, lead -> api.send("POST", "/api/leads/" + leadIds.get(lead) + "/invalid", keyOf(lead),
                Map.of("occurredAt", time(lead.invalid().at()), "reason", lead.invalid().reason()), 200, 409));
    }

    private record PlannedFollowUp(Lead lead, FollowUp followUp) {}

    private void postFollowUps(DemoPlan plan) {
        List<PlannedFollowUp> all = plan.leads().stream()
                .flatMap(lead -> lead.followUps().stream().map(f -> new PlannedFollowUp(lead, f)))
                .sorted(Comparator.comparing(p -> p.followUp().at()))
                .toList();
        followUpApi.each(all, p -> followUpApi.send("POST", "/api/follow-ups", keyOf(p.lead()), Map.of(
                "leadId", leadIds.get(p.lead()), "externalRef", p.followUp().externalRef(),
                "occurredAt", time(p.followUp().at()), "type", p.followUp().type(), "outcome", p.followUp().outcome(),
                "consultant", p.followUp().consultant()), 200, 201, 202, 409));
    }

    private void postDeals(DemoPlan plan) {
        List<Lead> won = plan.leads().stream().filter(l -> l.deal() != null).toList();
        api.each(won, lead -> api.send("POST", "/api/leads/" + leadIds.get(lead) + "/deal", keyOf(lead), Map.of(
                "occurredAt", time(lead.deal().at()), "model", lead.deal().model(), "price", lead.deal().price(),
                "vehicles", lead.deal().vehicles()), 200, 409));
    }

    private void postDefeats(DemoPlan plan) {
        List<Lead> lost = plan.leads().stream().filter(l -> l.defeat() != null)
                .sorted(Comparator.comparing(l -> l.defeat().at())).toList();
        List<JsonNode> reported = api.each(lost, lead -> api.send("POST", "/api/defeats", keyOf(lead),
                defeatBody(lead, leadIds.get(lead)), 200, 201, 409));
        Map<Lead, OpenCase> toCallBack = new LinkedHashMap<>();
        List<Lead> alreadyOpen = new ArrayList<>();
        for (int i = 0; i < lost.size(); i++) {
            Lead lead = lost.get(i);
            JsonNode defeat = reported.get(i);
            if (lead.defeat().callback() == null) {
                continue;
            }
            if (defeat != null && defeat.hasNonNull("defeatId")) {
                toCallBack.put(lead, new OpenCase(defeat.get("defeatId").asString(), lead.defeat().callback().at()));
            } else {
                alreadyOpen.add(lead);
            }
        }
        toCallBack.putAll(openCasesOf(alreadyOpen));
        api.each(List.copyOf(toCallBack.entrySet()), planned -> api.send("POST", "/api/defeats/"
                + planned.getValue().defeatId() + "/callbacks", keyOf(planned.getKey()),
                callbackBody(planned.getKey().defeat(), planned.getValue().callbackAt()), 200, 409));
    }

    /** A case waiting for its callback, and when the planned callback is recorded on it. */
    private record OpenCase(String defeatId, Instant callbackAt) {}

    /**
     * A lead the at-risk detector has already taken up (the import's old open leads) has its case waiting
     * for a callback, and the report for it was answered 409: the planned callback goes to that case, as
     * the dealer's call centre would record it, so that the callbacks' outcomes (the false defeats among
     * them) still show. It is recorded when planned, or an hour after the case was opened if that is later
     * (a callback cannot come before its loss), and never after now.
     */
    private Map<Lead, OpenCase> openCasesOf(List<Lead> leads) {
        Map<String, OpenCase> caseByLead = new ConcurrentHashMap<>();
        List<String> dealers = leads.stream().map(lead -> lead.dealer().dealerId()).distinct().toList();
        api.each(dealers, dealerId -> api.send("GET", "/api/defeats/callbacks/due?dealerId=" + dealerId + "&size=500",
                dealerKeys.get(dealerId), null, 200).thenApply(due -> {
                    due.get("items").forEach(item -> caseByLead.put(item.get("leadId").asString(), new OpenCase(
                            item.get("defeatId").asString(),
                            OffsetDateTime.parse(item.get("occurredAt").asString()).toInstant().plus(Duration.ofHours(1)))));
                    return due;
                }));
        Instant now = Instant.now();
        Map<Lead, OpenCase> cases = new LinkedHashMap<>();
        leads.stream().filter(lead -> caseByLead.containsKey(leadIds.get(lead))).forEach(lead -> {
            OpenCase open = caseByLead.get(leadIds.get(lead));
            Instant at = latest(lead.defeat().callback().at(), open.callbackAt());
            cases.put(lead, new OpenCase(open.defeatId(), at.isAfter(now) ? now : at));
        });
        return cases;
    }

    private Map<String, String> issueDashboardKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("HQ", issue(Map.of("role", "HQ", "label", "demo headquarters")));
        keys.put("REGION_MANAGER", issue(Map.of("role", "REGION_MANAGER", "region", MANAGER_REGION, "label", "demo manager " + MANAGER_REGION)));
        keys.put("DEALER", issue(Map.of("role", "DEALER", "dealerId", "D-BT-03", "label", "demo dealer D-BT-03")));
        return keys;
    }

    private String issue(Map<String, Object> body) {
        return api.call("POST", "/api/keys", adminKey, body, 201).get("apiKey").asString();
    }

    /** Analytics is fed by events; the demo is ready when it counts every lead, deal and loss posted. */
    private void awaitAnalytics(DemoPlan plan, String hqKey) {
        long leads = plan.leads().size();
        long deals = count(plan, l -> l.deal() == null ? 0 : 1);
        long defeats = count(plan, l -> l.defeat() == null ? 0 : 1);
        Instant deadline = Instant.now().plus(ANALYTICS_WAIT);
        while (true) {
            JsonNode structure = api.call("GET", "/api/analytics/structure", hqKey, null, 200);
            JsonNode lost = api.call("GET", "/api/analytics/defeats", hqKey, null, 200);
            boolean caughtUp = structure.get("captured").asLong() >= leads && structure.get("won").asLong() >= deals
                    && lost.get("reported").asLong() >= defeats;
            if (caughtUp) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                System.out.printf(Locale.ROOT, "  analytics still catching up (%s captured of %d); the pages fill in shortly%n",
                        structure.get("captured"), leads);
                return;
            }
            sleep(Duration.ofSeconds(1));
        }
    }

    private static Map<String, Object> leadBody(Lead lead) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("kind", lead.customer().kind());
        customer.put("name", lead.customer().name());
        customer.put("phone", lead.customer().phone());
        if (lead.customer().industry() != null) {
            customer.put("industry", lead.customer().industry());
            customer.put("organization", lead.customer().organization());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dealerId", lead.dealer().dealerId());
        body.put("externalRef", lead.externalRef());
        body.put("occurredAt", time(lead.occurredAt()));
        body.put("channel", lead.channel());
        body.put("grade", lead.grade());
        body.put("contactRetained", lead.kept());
        body.put("model", lead.model());
        body.put("consultant", lead.consultant());
        body.put("vehicles", lead.vehicles());
        body.put("customer", customer);
        return body;
    }

    private static Map<String, Object> defeatBody(Lead lead, String leadId) {
        Defeat d = lead.defeat();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leadId", leadId);
        body.put("externalRef", d.externalRef());
        body.put("occurredAt", time(d.at()));
        body.put("kind", d.kind());
        body.put("subtype", d.subtype());
        body.put("reasons", d.reasons());
        if (d.competitorBrand() != null) {
            body.put("competitorBrand", d.competitorBrand());
        }
        if (d.competitorModel() != null) {
            body.put("competitorModel", d.competitorModel());
        }
        if (d.sameGroupDealerId() != null) {
            body.put("sameGroupDealerId", d.sameGroupDealerId());
        }
        body.put("reportedBy", d.reportedBy());
        return body;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Map<String, Object> callbackBody(Defeat defeat, Instant at) {
        DemoPlan.Callback c = defeat.callback();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalRef", defeat.externalRef() + "-cb");
        body.put("occurredAt", time(at));
        body.put("outcome", c.outcome());
        if (!c.actualReasons().isEmpty()) {
            body.put("actualReasons", c.actualReasons());
        }
        if (c.boughtBrand() != null) {
            body.put("boughtBrand", c.boughtBrand());
        }
        if (c.boughtModel() != null) {
            body.put("boughtModel", c.boughtModel());
        }
        if (!c.ratings().isEmpty()) {
            body.put("ratings", c.ratings());
        }
        body.put("by", c.by());
        return body;
    }

    private String keyOf(Lead lead) {
        return dealerKeys.get(lead.dealer().dealerId());
    }

    private static String time(Instant at) {
        return OffsetDateTime.ofInstant(at, DemoGroup.ZONE).toString();
    }

    private static long count(DemoPlan plan, java.util.function.ToIntFunction<Lead> counter) {
        return plan.leads().stream().mapToLong(counter::applyAsInt).sum();
    }

    private static void step(String name, Runnable work) {
        timed(name, () -> {
            work.run();
            return null;
        });
    }

    private static <T> T timed(String name, java.util.function.Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        System.out.printf(Locale.ROOT, "  %-22s %5.1f s%n", name, (System.nanoTime() - started) / 1e9);
        return result;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
