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
 * on it, and its port is free for the next start. The stack stays down afterwards, so this class runs
 * {@link SharedStack#LAST}; the run's end closes what is left of it.
 */
@SharedStack
@Order(SharedStack.LAST)
class ShutdownIT {

    private static final Duration PROMPT = Duration.ofSeconds(10);

    @Test
    void everyServiceStopsWithinTenSecondsWhenTheStoreAndTheBrokerAreGone(LocalStack stack) {
        stack.store().stop();
        stack.kafka().stop();
        Map<String, CompletableFuture<Duration>> stopping = new LinkedHashMap<>();
        LocalStack.SERVICES.forEach(module ->
                stopping.put(module, CompletableFuture.supplyAsync(() -> stack.stopService(module))));
        Map<String, Duration> took = new LinkedHashMap<>();
        stopping.forEach((module, stop) -> took.put(module, stop.join()));
        System.out.printf("stop after SIGTERM with the store and the broker gone: %s%n", took);
        assertThat(took).allSatisfy((module, duration) -> assertThat(duration).as(module).isLessThan(PROMPT));
    }
}
