package com.dealerradar.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What analytics-service's own timers say of its lag (its Prometheus endpoint): from an event's
 * publication to its fact written ({@code radar.analytics.event.lag}) and the flushes that then bring the
 * cells up to date ({@code radar.analytics.flush}). Their quantiles cover the last two minutes or so;
 * counts and sums are read before and after a run, so that a run's mean is its own.
 */
final class AnalyticsTimings {

    private static final Pattern SAMPLE = Pattern.compile("^(radar_analytics_(?:event_lag|flush)_seconds\\w*)\\{([^}]*)}\\s+(\\S+)$");
    private static final Pattern QUANTILE = Pattern.compile("quantile=\"([^\"]+)\"");
    private static final Pattern PENDING = Pattern.compile("(?m)^radar_analytics_flush_pending\\{[^}]*}\\s+(\\S+)$");

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI prometheus;

    AnalyticsTimings(int analyticsPort) {
        this.prometheus = URI.create("http://127.0.0.1:" + analyticsPort + "/actuator/prometheus");
    }

    /**
     * Waits until analytics has nothing left to flush ({@code radar.analytics.flush.pending} 0) on three polls a
     * second apart, as {@link Backlog} waits for the consumers: a backlog consumed is not yet a backlog flushed,
     * and a probe that starts meanwhile waits for the rest of an imported year's cells. Answers how long it took.
     */
    Duration awaitFlushed(Duration limit) throws Exception {
        return QuietPolls.await(limit, () -> {
            Matcher pending = PENDING.matcher(scrape());
            return pending.find() ? Double.parseDouble(pending.group(1)) : Double.NaN;
        }, "analytics still had %.0f dealer-days and cells pending");
    }

    /** Series name (with its quantile, if any) to value in seconds or counts. */
    Map<String, Double> read() throws Exception {
        return scrape().lines().map(SAMPLE::matcher).filter(Matcher::matches).collect(Collectors.toMap(m -> {
            Matcher quantile = QUANTILE.matcher(m.group(2));
            return quantile.find() ? m.group(1) + "@" + quantile.group(1) : m.group(1);
        }, m -> Double.parseDouble(m.group(3)), (a, b) -> a + b));
    }

    private String scrape() throws Exception {
        return http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** One line per timer: the run's count and mean, the recent p50, p99 and max, in ms. */
    static String describe(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder out = new StringBuilder();
        for (String timer : new String[] {"radar_analytics_event_lag_seconds", "radar_analytics_flush_seconds"}) {
            double count = after.getOrDefault(timer + "_count", 0.0) - before.getOrDefault(timer + "_count", 0.0);
            double sum = after.getOrDefault(timer + "_sum", 0.0) - before.getOrDefault(timer + "_sum", 0.0);
            out.append(String.format("%-36s %,8.0f times, mean %7.1f ms, p50 %7.1f ms, p99 %7.1f ms, max %7.1f ms%n",
                    timer.replace("radar_analytics_", "").replace("_seconds", ""), count,
                    count == 0 ? 0 : sum / count * 1e3, after.getOrDefault(timer + "@0.5", 0.0) * 1e3,
                    after.getOrDefault(timer + "@0.99", 0.0) * 1e3, after.getOrDefault(timer + "_max", 0.0) * 1e3));
        }
        return out.toString();
    }
}
