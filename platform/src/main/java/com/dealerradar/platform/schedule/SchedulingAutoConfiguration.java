package com.dealerradar.platform.schedule;

import java.util.UUID;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs for every service with a store: each job annotated {@code @SchedulerLock} runs on
 * one instance at a time, under a lease in that service's store ({@link StoreLeases}). The pool that
 * runs them is {@code spring.task.scheduling.pool.size} in {@code radar-defaults.yml}.
 */
@AutoConfiguration(after = DataMongoReactiveAutoConfiguration.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
@EnableScheduling
// A job that names no lockAtMostFor of its own: longer than any run, short enough to recover from a dead holder.
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
public class SchedulingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(LockProvider.class)
    public StoreLeases storeLeases(ReactiveMongoTemplate mongo,
            @Value("${spring.application.name:radar}") String application) {
        return new StoreLeases(mongo, application + "/" + UUID.randomUUID());
    }
}
