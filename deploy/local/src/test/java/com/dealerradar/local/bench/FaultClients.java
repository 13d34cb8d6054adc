package com.dealerradar.local.bench;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Dealer systems posting through the faults: each client takes the next lead number and posts its whole
 * journey ({@link FaultWorkload}: the lead, its follow-up, a loss report and a callback where planned),
 * every write until it is answered ({@link ApiCalls#postUntilAnswered}), until told to stop; a journey
 * under way is finished first.
 */
final class FaultClients {

    /** Enough lead numbers for any run; the clients stop long before. */
    private static final int JOURNEYS_PER_RUN = 100_000;

    private final ApiCalls api;
    private final FaultWorkload workload;
    private final List<String> dealerKeys;
    private final Acknowledged acknowledged;
    private final AtomicBoolean posting = new AtomicBoolean();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private CompletableFuture<Void> running;
    private long nextRunFrom;

    FaultClients(ApiCalls api, FaultWorkload workload, List<String> dealerKeys, Acknowledged acknowledged) {
        this.api = api;
        this.workload = workload;
        this.dealerKeys = dealerKeys;
        this.acknowledged = acknowledged;
    }

    /** Starts {@code clients} clients on lead numbers no earlier run used. */
    void start(int clients) {
        long from = nextRunFrom;
        nextRunFrom += JOURNEYS_PER_RUN;
        List<Runnable> journeys = new ArrayList<>();
        for (int i = 0; i < JOURNEYS_PER_RUN; i++) {
            long n = from + i;
            journeys.add(() -> {
                if (posting.get()) {
                    journeyOrStopAll(n);
                }
            });
        }
        posting.set(true);
        running = CompletableFuture.runAsync(() -> {
            try {
                Parallel.run(clients, journeys);
            } catch (Exception e) {
                throw new IllegalStateException("a client failed", e);
            }
        });
    }

    /** Fails once a client has failed, so that a run stops at its first wrong answer. */
    void checkHealthy() {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("a client failed", failed);
        }
    }

    /** Lets every client finish the journey it is on, then returns; fails if one of them failed. */
    void stop(Duration within) throws Exception {
        posting.set(false);
        running.get(within.toSeconds(), TimeUnit.SECONDS);
    }

    /** A client that fails stops the others, so that the run ends with the first wrong answer. */
    private void journeyOrStopAll(long n) {
        try {
            journey(n);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            posting.set(false);
            throw e;
        }
    }

    private void journey(long n) {
        String key = dealerKeys.get(FaultWorkload.dealerOf(n));
        ApiCalls.Answer lead = api.postUntilAnswered("/api/leads", key, workload.lead(n));
        String leadId = lead.status() == 409 ? null : JsonPath.read(lead.body(), "$.leadId");
        acknowledged.lead(n, leadId, lead);
        if (leadId == null) {
            return;
        }
        acknowledged.followUp(n, api.postUntilAnswered("/api/follow-ups", key, workload.followUp(n, leadId)));
        if (!FaultWorkload.reportsLoss(n)) {
            return;
        }
        // defeat-service knows a lead from lead-service's events: until the capture reaches it, it answers 404.
        ApiCalls.Answer defeat = api.postUntilAnswered("/api/defeats", key, workload.defeat(n, leadId), 404);
        acknowledged.defeat(n, defeat);
        if (FaultWorkload.callsBack(n) && defeat.status() != 409) {
            String defeatId = JsonPath.read(defeat.body(), "$.defeatId");
            acknowledged.callback(n, api.postUntilAnswered("/api/defeats/" + defeatId + "/callbacks", key, workload.callback(n)));
        }
    }
}
