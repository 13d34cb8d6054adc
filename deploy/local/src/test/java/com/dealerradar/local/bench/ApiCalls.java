package com.dealerradar.local.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's calls to the public API. A write that fails on the server side or on the wire is
 * sent again with the same body, as a dealer system would: every create carries its externalRef, so a
 * retry stores nothing twice.
 */
final class ApiCalls {

    private static final int ATTEMPTS = 8;
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final int attempts;
    private final AtomicInteger retries = new AtomicInteger();

    ApiCalls(String baseUrl) {
        this(baseUrl, ATTEMPTS);
    }

    /** {@code attempts} per write, 500 ms apart: how long a client keeps trying through an outage. */
    ApiCalls(String baseUrl, int attempts) {
        this.baseUrl = baseUrl;
        this.attempts = attempts;
    }

    int retries() {
        return retries.get();
    }

    String get(String path, String apiKey) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path, apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** Posts once and expects {@code created} (or 200 for a repeat of the same externalRef). */
    String post(String path, String apiKey, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = send(path, apiKey, json);
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /**
     * Posts until the API answers {@code expected} (or 200, the answer to a repeated create); 4xx other
     * than those is the benchmark's own mistake and stops the run.
     */
    String postRetrying(String path, String apiKey, String json, int expected) {
        return postRetrying(path, apiKey, json, expected, expected);
    }

    /** As {@link #postRetrying(String, String, String, int)}, also taking {@code alsoAccepted} as an answer. */
    String postRetrying(String path, String apiKey, String json, int expected, int alsoAccepted) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = send(path, apiKey, json);
                if (r.statusCode() == expected || r.statusCode() == 200 || r.statusCode() == alsoAccepted) {
                    return r.body();
                }
                if (r.statusCode() < 500 || attempt == attempts) {
                    throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body()
                            + "\nfor " + json);
                }
            } catch (IOException e) {
                if (attempt == attempts) {
                    throw new IllegalStateException("POST " + path + " failed " + attempts + " times", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pauseBeforeRetry();
        }
    }

    /**
     * How a write sent until it was answered was answered in the end, and how many times before that it
     * was answered {@code notYet} (see {@link #postUntilAnswered(String, String, String, int)}).
     */
    record Answer(int status, String body, int notYetAnswers) {}

    /**
     * Sends a create until it is answered 2xx, as a dealer system does through an outage: a 5xx, a 429
     * (the gateway's rate limit: later) or a failure on the wire is sent again with the same body and
     * externalRef. A 409 to a repeated attempt is an answer too, the one an idempotent retry may
     * legitimately get: an earlier attempt was applied although its answer was lost, and what it did
     * conflicts with a repeat (a command on a settled resource). Any other 4xx stops the run.
     */
    Answer postUntilAnswered(String path, String apiKey, String json) {
        return postUntilAnswered(path, apiKey, json, -1);
    }

    /**
     * As {@link #postUntilAnswered(String, String, String)}, also sending again when answered {@code notYet}:
     * what a service answers while what the write refers to has not reached it yet (a lead its copy of
     * leads, fed by events, does not hold yet). The answer counts how often that happened.
     */
    Answer postUntilAnswered(String path, String apiKey, String json, int notYet) {
        int notYetAnswers = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = send(path, apiKey, json);
                int status = r.statusCode();
                if (status / 100 == 2 || (status == 409 && attempt > 1)) {
                    return new Answer(status, r.body(), notYetAnswers);
                }
                if (status == notYet) {
                    notYetAnswers++;
                } else if ((status < 500 && status != 429) || attempt == attempts) {
                    throw new IllegalStateException("POST " + path + " answered " + status + " at attempt " + attempt
                            + ": " + r.body() + "\nfor " + json);
                }
            } catch (IOException e) {
                if (attempt == attempts) {
                    throw new IllegalStateException("POST " + path + " failed " + attempts + " times", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pauseBeforeRetry();
        }
    }

    private void pauseBeforeRetry() {
        retries.incrementAndGet();
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(String path, String apiKey, String json) throws IOException, InterruptedException {
        return http.send(request(path, apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String apiKey) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(120)).header("X-Api-Key", apiKey);
    }
}
