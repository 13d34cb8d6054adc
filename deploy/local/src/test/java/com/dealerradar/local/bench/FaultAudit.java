package com.dealerradar.local.bench;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads back, through the gateway with the ADMIN key, what the stack holds of the fault benchmark's
 * writes, and compares it with what was {@link Acknowledged}: each owner's store (leads and their status,
 * follow-ups, losses and their state), analytics' counts, and the dead letters of every consuming service.
 * Analytics and the status a confirmed loss gives a lead trail the writes, so the audit reads again until
 * everything agrees or its deadline passes.
 */
final class FaultAudit {

    static final List<String> CONSUMERS = List.of("lead-service", "followup-service", "defeat-service", "analytics-service");
    private static final int PAGE = 500;
    private static final int READERS = 4;
    private static final Duration PAUSE = Duration.ofSeconds(2);

    /** One comparison: what was acknowledged (or must be zero) against what the stack answers. */
    record Check(String what, long expected, long found) {
        boolean passed() {
            return expected == found;
        }

        String row() {
            return String.format("%-60s %9d %9d  %s", what, expected, found, passed() ? "ok" : "FAILED");
        }
    }

    private final ApiCalls api;
    private final String adminKey;
    private final Acknowledged acknowledged;
    /** Leads whose follow-up was found once; a follow-up once stored stays, so it is not read again. */
    private final Set<Long> followUpsFound = ConcurrentHashMap.newKeySet();

    FaultAudit(ApiCalls api, String adminKey, Acknowledged acknowledged) {
        this.api = api;
        this.adminKey = adminKey;
        this.acknowledged = acknowledged;
    }

    static String header() {
        return String.format("%-60s %9s %9s", "check", "expected", "found");
    }

    /**
     * Reads until every check passes or {@code within} has passed; answers the last complete reading. A
     * reading that fails (a service still recovering answers 503) is tried again.
     */
    List<Check> awaitAgreement(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<Check> checks = null;
        Exception unread = null;
        while (true) {
            try {
                checks = read();
                if (checks.stream().allMatch(Check::passed)) {
                    return checks;
                }
            } catch (Exception e) {
                unread = e;
            }
            if (System.nanoTime() > deadline) {
                if (checks == null) {
                    throw new IllegalStateException("the stack could not be read back within " + within, unread);
                }
                return checks;
            }
            Thread.sleep(PAUSE.toMillis());
        }
    }

    /** Of {@code leads}, how many lead-service holds (by externalRef, with the id it answered where it answered one). */
    long leadsHeld(Map<Long, Acknowledged.Lead> leads) throws Exception {
        return leadsHeld(leads, storedLeads());
    }

    /** The externalRefs of {@code leads} that lead-service does not hold, for the report. */
    List<String> leadsMissing(Map<Long, Acknowledged.Lead> leads) throws Exception {
        Set<Long> held = held(leads, storedLeads());
        return leads.keySet().stream().filter(n -> !held.contains(n)).sorted().map(FaultWorkload::leadRef).toList();
    }

    private static long leadsHeld(Map<Long, Acknowledged.Lead> leads, List<StoredLead> stored) {
        return held(leads, stored).size();
    }

    private static Set<Long> held(Map<Long, Acknowledged.Lead> leads, List<StoredLead> stored) {
        Map<String, String> idByRef = new HashMap<>();
        stored.forEach(lead -> idByRef.put(lead.externalRef(), lead.leadId()));
        return leads.entrySet().stream().filter(e -> {
            String id = idByRef.get(FaultWorkload.leadRef(e.getKey()));
            return id != null && (e.getValue().leadId() == null || id.equals(e.getValue().leadId()));
        }).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private List<Check> read() throws Exception {
        Map<Long, Acknowledged.Lead> leads = acknowledged.leads();
        Set<Long> followUps = acknowledged.followUps();
        Set<Long> defeats = acknowledged.defeats();
        Set<Long> callbacks = acknowledged.callbacks();
        long confirmed = callbacks.stream().filter(FaultWorkload::confirms).count();
        long reversed = callbacks.size() - confirmed;
        List<Check> checks = new ArrayList<>();

        List<StoredLead> storedLeads = storedLeads();
        checks.add(new Check("lead-service: leads stored", leads.size(), storedLeads.size()));
        checks.add(new Check("lead-service: acknowledged leads held, same id", leads.size(), leadsHeld(leads, storedLeads)));
        checks.add(new Check("lead-service: leads DEFEATED by a confirmed loss", confirmed,
                storedLeads.stream().filter(l -> l.status().equals("DEFEATED")).count()));
        checks.add(new Check("lead-service: leads OPEN", leads.size() - confirmed,
                storedLeads.stream().filter(l -> l.status().equals("OPEN")).count()));

        checks.add(new Check("followup-service: acknowledged follow-ups held once", followUps.size(),
                followUpsHeldOnce(leads, followUps)));

        Map<String, String> defeatStates = storedDefeats();
        checks.add(new Check("defeat-service: losses stored", defeats.size(), defeatStates.size()));
        checks.add(new Check("defeat-service: acknowledged losses held", defeats.size(),
                defeats.stream().filter(n -> defeatStates.containsKey(FaultWorkload.defeatRef(n))).count()));
        checks.add(new Check("defeat-service: losses CONFIRMED", confirmed, count(defeatStates, "CONFIRMED")));
        checks.add(new Check("defeat-service: losses REVERSED", reversed, count(defeatStates, "REVERSED")));

        String structure = api.get("/api/analytics/structure", adminKey);
        checks.add(new Check("analytics: structure captured", leads.size(), number(structure, "$.captured")));
        checks.add(new Check("analytics: structure defeated", confirmed, number(structure, "$.defeated")));
        checks.add(new Check("analytics: funnel followed (kept leads reached)",
                followUps.stream().filter(FaultWorkload::reaches).count(),
                number(api.get("/api/analytics/funnel?groupBy=dealer", adminKey), "$.total.followed")));
        String losses = api.get("/api/analytics/defeats", adminKey);
        checks.add(new Check("analytics: defeats reported", defeats.size(), number(losses, "$.reported")));
        checks.add(new Check("analytics: defeats confirmed", confirmed, number(losses, "$.confirmed")));
        checks.add(new Check("analytics: defeats reversed", reversed, number(losses, "$.reversed")));

        for (String service : CONSUMERS) {
            checks.add(new Check(service + ": dead letters", 0,
                    number(api.get("/api/admin/" + service + "/dead-letters?limit=1000", adminKey), "$.count")));
        }
        return checks;
    }

    /** The first few dead letters of every consuming service that holds any, as the API answers them, for the report. */
    List<String> deadLetters() throws Exception {
        List<String> letters = new ArrayList<>();
        for (String service : CONSUMERS) {
            String body = api.get("/api/admin/" + service + "/dead-letters?limit=5", adminKey);
            if (number(body, "$.count") > 0) {
                letters.add(service + ": " + body);
            }
        }
        return letters;
    }

    private record StoredLead(String externalRef, String leadId, String status) {}

    /** Every lead of the benchmark's dealers; a lead stored twice is in the list twice. */
    private List<StoredLead> storedLeads() throws Exception {
        List<StoredLead> stored = new ArrayList<>();
        for (int dealer = 0; dealer < FaultWorkload.DEALERS; dealer++) {
            for (int page = 0; ; page++) {
                String body = api.get("/api/leads?dealerId=" + FaultWorkload.dealerId(dealer) + "&size=" + PAGE
                        + "&page=" + page, adminKey);
                List<Map<String, Object>> items = JsonPath.read(body, "$.items");
                for (Map<String, Object> item : items) {
                    stored.add(new StoredLead((String) item.get("externalRef"), (String) item.get("leadId"),
                            (String) item.get("status")));
                }
                if (items.size() < PAGE) {
                    break;
                }
            }
        }
        return stored;
    }

    /** The benchmark's losses by externalRef, with their state; a loss stored twice stops the audit. */
    private Map<String, String> storedDefeats() throws Exception {
        Map<String, String> states = new HashMap<>();
        for (int dealer = 0; dealer < FaultWorkload.DEALERS; dealer++) {
            for (int page = 0; ; page++) {
                String body = api.get("/api/defeats?dealerId=" + FaultWorkload.dealerId(dealer) + "&size=" + PAGE
                        + "&page=" + page, adminKey);
                List<Map<String, Object>> items = JsonPath.read(body, "$.items");
                for (Map<String, Object> item : items) {
                    if (states.put((String) item.get("externalRef"), (String) item.get("state")) != null) {
                        throw new IllegalStateException("loss " + item.get("externalRef") + " is stored twice");
                    }
                }
                if (items.size() < PAGE) {
                    break;
                }
            }
        }
        return states;
    }

    /** Reads each acknowledged follow-up's lead's follow-ups: it must be there exactly once, and nothing else. */
    private long followUpsHeldOnce(Map<Long, Acknowledged.Lead> leads, Set<Long> followUps) throws Exception {
        List<Runnable> reads = new ArrayList<>();
        for (long n : followUps) {
            if (followUpsFound.contains(n)) {
                continue;
            }
            reads.add(() -> {
                try {
                    List<String> refs = JsonPath.read(api.get("/api/follow-ups?leadId=" + leads.get(n).leadId(), adminKey),
                            "$.items[*].externalRef");
                    if (refs.equals(List.of(FaultWorkload.followUpRef(n)))) {
                        followUpsFound.add(n);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read the follow-ups of lead " + n, e);
                }
            });
        }
        Parallel.run(READERS, reads);
        return followUps.stream().filter(followUpsFound::contains).count();
    }

    private static long count(Map<String, String> states, String state) {
        return states.values().stream().filter(state::equals).count();
    }

    private static long number(String json, String path) {
        Number value = JsonPath.read(json, path);
        return value.longValue();
    }
}
