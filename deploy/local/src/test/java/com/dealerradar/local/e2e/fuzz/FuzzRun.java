package com.dealerradar.local.e2e.fuzz;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends bad requests to the gateway, a bounded number at a time, and judges each answer: a 4xx with a
 * problem+json body, or for a broken batch item a 200 whose every item is REJECTED. Keeps the counts per
 * endpoint, status and mutation family, and each kind of failure once with its count.
 * <p>
 * The requests go out on Apache HttpClient's pooled blocking client, one worker thread per request in
 * flight: a profile of the run found the JDK's asynchronous client spending about half a millisecond of
 * CPU per request (33 s of the 64,500), on the two cores the gateway and the services need. Alternated
 * runs since showed fewer system calls (27–34 s of system time against 45–48) and no clear gain in time.
 */
public final class FuzzRun implements AutoCloseable {

    private static final Pattern OUTCOME = Pattern.compile("\"outcome\"\\s*:\\s*\"([A-Z]+)\"");
    private static final int FAILURE_KINDS_KEPT = 60;

    private final String gatewayUrl;
    private final CloseableHttpClient http;
    private final ExecutorService senders;
    private final Map<String, Map<String, AtomicInteger>> statusesByEndpoint = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> families = new ConcurrentHashMap<>();
    /** One example per endpoint, mutation and answer status, with how often it happened. */
    private final Map<String, String> failureExamples = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failureCounts = new ConcurrentHashMap<>();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger resent = new AtomicInteger();
    /** Of those, the ones whose connection was not even accepted in time (not a slow answer). */
    private final AtomicInteger connectTimeouts = new AtomicInteger();
    /** What the requests sent again were (endpoint, mutation family, body size, request line): the clue to a stall. */
    private final Map<String, Integer> unansweredInTime = new ConcurrentHashMap<>();

    public FuzzRun(String gatewayUrl, int parallel) {
        this.gatewayUrl = gatewayUrl;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(parallel).setMaxConnPerRoute(parallel)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(30))
                                // a connection the gateway may have closed while idle is checked before reuse
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                        .build())
                // Each answer is judged as it came: nothing is retried, followed or decompressed on the way.
                .disableAutomaticRetries().disableRedirectHandling().disableContentCompression()
                .build();
        this.senders = Executors.newFixedThreadPool(parallel);
    }

    /**
     * Sends all of them and returns when every answer has been judged. A request that got no answer in
     * time is sent once more, alone, after the others: on a machine shared with other builds a stall
     * says nothing about input handling, but a second silence is a failure.
     */
    public void send(List<BadRequest> requests) throws InterruptedException {
        List<BadRequest> unanswered = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> pending = new ArrayList<>(requests.size());
        for (BadRequest request : requests) {
            pending.add(senders.submit(() -> {
                try {
                    judge(request, answer(request), null);
                } catch (SocketTimeoutException timeout) {
                    if (timeout instanceof ConnectTimeoutException) {
                        connectTimeouts.incrementAndGet();
                    }
                    unanswered.add(request);
                } catch (IOException e) {
                    judge(request, null, e);
                }
            }));
        }
        for (Future<?> sending : pending) {
            try {
                sending.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("judging an answer failed", e.getCause());
            }
        }
        for (BadRequest request : unanswered) {
            resent.incrementAndGet();
            unansweredInTime.merge(request.endpoint() + " [" + family(request) + ", " + bodySize(request) + "] "
                    + request.method() + " " + shortened(request.pathAndQuery()), 1, Integer::sum);
            try {
                judge(request, answer(request), null);
            } catch (IOException e) {
                judge(request, null, e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        senders.shutdownNow();
        http.close();
    }

    public int sent() {
        return sent.get();
    }

    public int failed() {
        return failed.get();
    }

    /** Each kind of failure once, with its count and an example: what the assertion prints. */
    public List<String> failures() {
        List<String> kinds = new ArrayList<>();
        new TreeMap<>(failureExamples).forEach((kind, example) ->
                kinds.add(failureCounts.get(kind).get() + " x " + example));
        return kinds;
    }

    /** How many requests each endpoint got. */
    public Map<String, Integer> countsByEndpoint() {
        Map<String, Integer> counts = new TreeMap<>();
        statusesByEndpoint.forEach((endpoint, statuses) -> counts.put(endpoint,
                statuses.values().stream().mapToInt(AtomicInteger::get).sum()));
        return counts;
    }

    /** Requests per endpoint with their answers' statuses, and per mutation family: what the run printed. */
    public String report(long seed) {
        StringBuilder out = new StringBuilder("hostile input, seed " + seed + ": " + sent.get() + " requests, "
                + failed.get() + " failed, " + resent.get() + " sent again after no answer in time ("
                + connectTimeouts.get() + " of them not connected in time)\n");
        new TreeMap<>(statusesByEndpoint).forEach((endpoint, statuses) -> {
            int total = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
            out.append(String.format("  %-44s %6d  %s%n", endpoint, total, new TreeMap<>(statuses)));
        });
        new TreeMap<>(unansweredInTime).forEach((what, n) -> out.append(String.format("  no answer in time: %s x %d%n", what, n)));
        out.append("  by mutation family:\n");
        new TreeMap<>(families).forEach((family, n) -> out.append(String.format("    %-30s %6d%n", family, n.get())));
        return out.toString();
    }

    /** What the gateway answered, read whole, so that its connection goes back to the pool. */
    private record Answer(int status, String contentType, String body) {}

    private Answer answer(BadRequest request) throws IOException {
        return http.execute(toHttp(request), (ClassicHttpResponse response) -> {
            Header type = response.getFirstHeader("Content-Type");
            return new Answer(response.getCode(), type == null ? "" : type.getValue(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        });
    }

    private ClassicHttpRequest toHttp(BadRequest request) {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method()).setUri(gatewayUrl + request.pathAndQuery());
        if (request.body() != null) {
            // Without a type of its own: the header below sends the generated one as it is, however broken.
            builder.setEntity(new ByteArrayEntity(request.body(), null));
        }
        if (request.contentType() != null) {
            builder.addHeader("Content-Type", request.contentType());
        }
        if (request.apiKey() != null) {
            builder.addHeader("X-Api-Key", request.apiKey());
        }
        return builder.build();
    }

    private void judge(BadRequest request, Answer response, Throwable error) {
        sent.incrementAndGet();
        families.computeIfAbsent(family(request), f -> new AtomicInteger()).incrementAndGet();
        String status = error != null ? "error" : Integer.toString(response.status());
        statusesByEndpoint.computeIfAbsent(request.endpoint(), e -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
        String problem = error != null ? "no answer: " + error : verdict(request, response);
        if (problem != null) {
            failed.incrementAndGet();
            String kind = request.endpoint() + " [" + request.mutation() + "] " + status;
            failureCounts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            if (failureExamples.size() < FAILURE_KINDS_KEPT) {
                failureExamples.putIfAbsent(kind, request.endpoint() + " [" + request.mutation() + "] "
                        + request.method() + " " + shortened(request.pathAndQuery()) + " -> " + problem);
            }
        }
    }

    private static String family(BadRequest request) {
        int space = request.mutation().indexOf(' ');
        return request.mutation().substring(0, space < 0 ? request.mutation().length() : space).replace(":", "");
    }

    private static String bodySize(BadRequest request) {
        return request.body() == null ? "no body" : request.body().length + " B";
    }

    /** Null when the answer refuses the request as the contract says; otherwise what is wrong with it. */
    private static String verdict(BadRequest request, Answer response) {
        int status = response.status();
        String type = response.contentType();
        if (request.rejectedItem() && status == 200) {
            List<String> outcomes = OUTCOME.matcher(response.body()).results().map(m -> m.group(1)).toList();
            return !outcomes.isEmpty() && outcomes.stream().allMatch("REJECTED"::equals)
                    && response.body().contains("\"errors\"") ? null
                    : "200 with outcomes " + outcomes + ": " + shortened(response.body());
        }
        if (status < 400 || status > 499) {
            return status + " " + shortened(response.body());
        }
        if (!type.startsWith("application/problem+json")) {
            return status + " with Content-Type '" + type + "': " + shortened(response.body());
        }
        return null;
    }

    private static String shortened(String s) {
        String oneLine = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
