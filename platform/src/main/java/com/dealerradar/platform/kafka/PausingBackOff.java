package com.dealerradar.platform.kafka;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Waits out the pause between two tries of a failed record by pausing the listener's container
 * instead of putting its consumer thread to sleep: the consumer keeps polling (paused, so it fetches
 * nothing) and stays in its group however long the store is away, the container reports itself paused,
 * and the records waiting behind show as lag. Spring Kafka's own handler; this only owns the one
 * thread that resumes containers, which must not be the task scheduler the service's jobs run on.
 */
public final class PausingBackOff implements DisposableBean {

    private final ThreadPoolTaskScheduler resumer = new ThreadPoolTaskScheduler();
    private final BackOffHandler handler;

    public PausingBackOff() {
        resumer.setThreadNamePrefix("kafka-retry-resume-");
        resumer.setDaemon(true);
        resumer.initialize();
        handler = new ContainerPausingBackOffHandler(new ListenerContainerPauseService(null, resumer));
    }

    public BackOffHandler handler() {
        return handler;
    }

    @Override
    public void destroy() {
        resumer.shutdown();
    }
}
