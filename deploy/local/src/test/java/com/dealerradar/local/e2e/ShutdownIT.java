package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A service asked to stop (SIGTERM) is gone within 10 s, even when the store and the broker it would
 * flush to are gone: an orchestrator replacing it, or {@code run.sh} stopping the stack, does not wait
 * on it, and its port is free for the next start. Afterwards the stack runs again as before.
 */
@SharedStack
@Order(SharedStack.DISRUPTIVE)
class ShutdownIT {

    private static final Duration PROMPT = Duration.ofSeconds(10);

    @Test
    void everyServiceStopsWithinTenSecondsWhenTheStoreAndTheBrokerAreGone(LocalStack stack) {
        stack.store().stop();
        stack.kafka().stop();
        Map<String, Duration> took = new LinkedHashMap<>();
        try {
            Map<String, CompletableFuture<Duration>> stopping = new LinkedHashMap<>();
            LocalStack.SERVICES.forEach(module ->
                    stopping.put(module, CompletableFuture.supplyAsync(() -> stack.stopService(module))));
            stopping.forEach((module, stop) -> took.put(module, stop.join()));
            System.out.printf("stop after SIGTERM with the store and the broker gone: %s%n", took);
        } finally {
            stack.kafka().start();
            stack.store().start();
            stack.startServices();
        }
        assertThat(took).allSatisfy((module, duration) -> assertThat(duration).as(module).isLessThan(PROMPT));
    }
}
