package com.dealerradar.local.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API as the demo loader uses it: JSON over HTTP through the gateway with an API key, many
 * requests in flight at once (a bounded number, so that a 2-core machine is busy but not swamped).
 */
final class GatewayClient {

    // About three minutes of pauses: long enough for an open circuit breaker on a busy machine to close.
    private static final int ATTEMPTS = 20;
    private static final Set<Integer> RETRIED_STATUSES = Set.of(429, 502, 503, 504);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String gateway;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Semaphore inFlight;
    private final AtomicLong requests = new AtomicLong();

    GatewayClient(String gateway, int inFlight) {
        this.gateway = gateway.replaceAll("/+$", "");
        this.inFlight = new Semaphore(inFlight);
    }

    long requests() {
        return requests.get();
    }

    String write(Object body) {
        return json.writeValueAsString(body);
    }

    /** Sends one request and waits for it; anything but the expected statuses fails the load. */
    JsonNode call(String method, String path, String key, Object body, int... expected) {
        return send(method, path, key, body, expected).join();
    }

    /**
     * Sends one request when a slot is free; the answer's JSON (or null when it has none). An answer
     * that says "not now" (429, 502, 503, 504) or a lost connection is tried again after a pause:
     * every create carries its externalRef, so a repeat adds nothing.
     */
    CompletableFuture<JsonNode> send(String method, String path, String key, Object body, int... expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(TIMEOUT)
                .header("X-Api-Key", key)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(write(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        inFlight.acquireUninterruptibly();
        return attempt(request.build(), 1)
                .whenComplete((answer, failure) -> inFlight.release())
                .thenApply(response -> {
                    if (!accepted(response.statusCode(), expected)) {
                        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                                + ": " + response.body());
                    }
                    return response.body().isBlank() ? null : json.readTree(response.body());
                });
    }

    private CompletableFuture<HttpResponse<String>> attempt(HttpRequest request, int attempt) {
        requests.incrementAndGet();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    boolean notNow = failure != null || RETRIED_STATUSES.contains(response.statusCode());
                    if (!notNow || attempt >= ATTEMPTS) {
                        return failure == null ? CompletableFuture.completedFuture(response)
                                : CompletableFuture.<HttpResponse<String>>failedFuture(failure);
                    }
                    long pauseMillis = Math.min(10_000, 500L << attempt);
                    Executor later = CompletableFuture.delayedExecutor(pauseMillis, TimeUnit.MILLISECONDS);
                    return CompletableFuture.supplyAsync(() -> request, later).thenCompose(again -> attempt(again, attempt + 1));
                })
                .thenCompose(Function.identity());
    }

    /** Runs one request per item, all at once within the in-flight bound, and waits for every answer. */
    <T> List<JsonNode> each(List<T> items, Function<T, CompletableFuture<JsonNode>> request) {
        List<CompletableFuture<JsonNode>> sent = items.stream().map(request).toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }

    boolean isUp() {
        try {
            HttpRequest probe = HttpRequest.newBuilder(URI.create(gateway + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean accepted(int status, int[] expected) {
        if (expected.length == 0) {
            return status >= 200 && status < 300;
        }
        for (int wanted : expected) {
            if (status == wanted) {
                return true;
            }
        }
        return false;
    }
}
