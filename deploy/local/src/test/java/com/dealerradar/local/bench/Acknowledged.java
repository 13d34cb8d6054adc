package com.dealerradar.local.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the API acknowledged to the fault benchmark's clients (answered 2xx, or 409 to a retry), by lead
 * number ({@link FaultWorkload}): the writes that must be in their owners' stores and counted once in
 * analytics, whatever failed in between.
 */
final class Acknowledged {

    /** A lead the API acknowledged, and when its answer arrived ({@link System#nanoTime()}). */
    record Lead(String leadId, long answeredAt) {}

    private final Map<Long, Lead> leads = new ConcurrentHashMap<>();
    private final Set<Long> followUps = ConcurrentHashMap.newKeySet();
    private final Set<Long> defeats = ConcurrentHashMap.newKeySet();
    private final Set<Long> callbacks = ConcurrentHashMap.newKeySet();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger repeatsAnswered = new AtomicInteger();
    private final AtomicInteger conflictsOnRetry = new AtomicInteger();
    private final AtomicInteger lossReportsNotYetKnown = new AtomicInteger();

    void lead(long n, String leadId, ApiCalls.Answer answer) {
        leads.put(n, new Lead(leadId, System.nanoTime()));
        count(answer, true);
    }

    void followUp(long n, ApiCalls.Answer answer) {
        followUps.add(n);
        count(answer, true);
    }

    void defeat(long n, ApiCalls.Answer answer) {
        defeats.add(n);
        if (answer.notYetAnswers() > 0) {
            lossReportsNotYetKnown.incrementAndGet();
        }
        count(answer, true);
    }

    void callback(long n, ApiCalls.Answer answer) {
        callbacks.add(n);
        count(answer, false);
    }

    /** A callback is answered 200 the first time too; a create only when it was stored already. */
    private void count(ApiCalls.Answer answer, boolean create) {
        writes.incrementAndGet();
        if (create && answer.status() == 200) {
            repeatsAnswered.incrementAndGet();
        } else if (answer.status() == 409) {
            conflictsOnRetry.incrementAndGet();
        }
    }

    Map<Long, Lead> leads() {
        return Map.copyOf(leads);
    }

    int leadCount() {
        return leads.size();
    }

    /** Leads whose answer arrived before {@code instant} ({@link System#nanoTime()}). */
    Map<Long, Lead> leadsAnsweredBefore(long instant) {
        Map<Long, Lead> before = new HashMap<>();
        leads.forEach((n, lead) -> {
            if (lead.answeredAt() - instant < 0) {
                before.put(n, lead);
            }
        });
        return before;
    }

    Set<Long> followUps() {
        return Set.copyOf(followUps);
    }

    Set<Long> defeats() {
        return Set.copyOf(defeats);
    }

    Set<Long> callbacks() {
        return Set.copyOf(callbacks);
    }

    /** Every acknowledged write: leads, follow-ups, loss reports and callbacks. */
    int writes() {
        return writes.get();
    }

    /** Creates answered 200: a repeated create found what an earlier attempt had stored. */
    int repeatsAnswered() {
        return repeatsAnswered.get();
    }

    /** Loss reports answered 404 (lead not found) at least once before they were taken. */
    int lossReportsNotYetKnown() {
        return lossReportsNotYetKnown.get();
    }

    int conflictsOnRetry() {
        return conflictsOnRetry.get();
    }
}
