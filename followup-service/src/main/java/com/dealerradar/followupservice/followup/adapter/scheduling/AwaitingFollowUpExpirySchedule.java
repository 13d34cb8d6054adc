package com.dealerradar.followupservice.followup.adapter.scheduling;

import com.dealerradar.followupservice.followup.application.AwaitingFollowUpExpiry;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every {@code radar.followup.awaiting-lead-expiry-interval}, removes the follow-ups that awaited their lead too long. */
@Component
class AwaitingFollowUpExpirySchedule {

    private static final Logger log = LoggerFactory.getLogger(AwaitingFollowUpExpirySchedule.class);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    private final AwaitingFollowUpExpiry expiry;

    AwaitingFollowUpExpirySchedule(AwaitingFollowUpExpiry expiry) {
        this.expiry = expiry;
    }

    // One instance at a time, for as long as a run may last.
    @Scheduled(fixedDelayString = "${radar.followup.awaiting-lead-expiry-interval:1h}",
            initialDelayString = "${radar.followup.awaiting-lead-expiry-interval:1h}")
    @SchedulerLock(name = "followup-awaiting-expiry", lockAtMostFor = "10m")
    void run() {
        try {
            Long removed = expiry.expire().block(RUN_TIMEOUT);
            if (removed != null && removed > 0) {
                log.info("{} follow-up(s) expired awaiting their lead", removed);
            }
        } catch (RuntimeException e) {
            log.warn("expiring follow-ups awaiting their lead failed; the next run tries again: {}", e.getMessage());
        }
    }
}
