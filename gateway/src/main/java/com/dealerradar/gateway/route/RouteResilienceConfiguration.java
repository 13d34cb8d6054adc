package com.dealerradar.gateway.route;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breaker every route uses (one instance per service, named in application.yml), counting
 * 5xx answers (the routes' {@code statusCodes}) and time-outs as failures. Its time limit sits above the
 * longest route's response timeout (a batch's 60 s), so that the route's own timeout is the one
 * that fires and Resilience4j's 1 s default never cuts a slow batch short.
 */
@Configuration(proxyBeanMethods = false)
class RouteResilienceConfiguration {

    private static final Duration TIME_LIMIT = Duration.ofSeconds(65);

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakerDefaults() {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(3)
                .build();
        TimeLimiterConfig timeLimit = TimeLimiterConfig.custom().timeoutDuration(TIME_LIMIT).build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(breaker)
                .timeLimiterConfig(timeLimit)
                .build());
    }

}
