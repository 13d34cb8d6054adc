package com.dealerradar.defeatservice.defeat.adapter.schedule;

import com.dealerradar.defeatservice.defeat.application.DefeatOpening;
import com.dealerradar.defeatservice.defeat.application.DefeatProperties;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Completes defeat openings that a crash interrupted, so that no lead stays blocked by a half-done report. */
@Component
class InterruptedOpenings {

    private static final Logger log = LoggerFactory.getLogger(InterruptedOpenings.class);
    private static final int BATCH = 100;
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final DefeatOpening opening;
    private final DefeatProperties properties;

    InterruptedOpenings(DefeatOpening opening, DefeatProperties properties) {
        this.opening = opening;
        this.properties = properties;
    }

    // One instance at a time; a run writes for 30 s at most, and a dead holder's lease runs out after a minute.
    @Scheduled(fixedDelayString = "${radar.defeat.opening-recovery-interval:5s}",
            initialDelayString = "${radar.defeat.opening-recovery-interval:5s}")
    @SchedulerLock(name = "defeat-interrupted-openings", lockAtMostFor = "1m")
    void complete() {
        try {
            Long completed = opening.completeInterrupted(properties.openingRecoveryAfter(), BATCH).block(WRITE_TIMEOUT);
            if (completed != null && completed > 0) {
                log.info("completed {} interrupted defeat opening(s)", completed);
            }
        } catch (RuntimeException e) {
            log.info("completing interrupted defeat openings deferred: {}", e.getMessage());
        }
    }
}
