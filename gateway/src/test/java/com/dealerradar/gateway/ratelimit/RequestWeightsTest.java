package com.dealerradar.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

class RequestWeightsTest {

    private static final long BATCH = 10;
    private static final long ANALYTICS = 3;

    private final RequestWeights weights = new RequestWeights(new RateLimitProperties.Weights(BATCH, ANALYTICS));

    @ParameterizedTest
    @CsvSource({
            "POST, /api/leads/batch",
            "POST, /api/leads/batch/",
            "POST, /api/leads/%62atch",
            "POST, /api/analytics/rebuild"})
    void aBatchTakesTheBatchWeight(String method, String path) {
        assertThat(weightOf(method, path)).isEqualTo(BATCH);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/analytics/funnel",
            "GET, /api/analytics/dealers/benchmark",
            "GET, /api/analytics",
            "HEAD, /api/analytics/structure",
            "GET, /api/analytics/funnel/"})
    void anAnalyticsReadTakesTheAnalyticsWeight(String method, String path) {
        assertThat(weightOf(method, path)).isEqualTo(ANALYTICS);
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /api/leads",
            "GET, /api/leads/batch",
            "POST, /api/leads",
            "PUT, /api/analytics/spend/D-CF-01/2026-11",
            "GET, /api/analytics-like",
            "POST, /api/leads/batch/extra",
            "GET, /",
            "GET, /actuator/health"})
    void everythingElseTakesOneToken(String method, String path) {
        assertThat(weightOf(method, path)).isEqualTo(1);
    }

    @Test
    void theWeightsAreTheConfiguredOnes() {
        RequestWeights heavier = new RequestWeights(new RateLimitProperties.Weights(50, 7));

        assertThat(heavier.of(HttpMethod.POST, PathContainer.parsePath("/api/leads/batch"))).isEqualTo(50);
        assertThat(heavier.of(HttpMethod.GET, PathContainer.parsePath("/api/analytics/channels"))).isEqualTo(7);
    }

    private long weightOf(String method, String path) {
        return weights.of(HttpMethod.valueOf(method), PathContainer.parsePath(path));
    }
}
