package com.dealerradar.followupservice.followup.adapter.scheduling;

import com.dealerradar.followupservice.followup.application.UnfinishedFollowUps;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every {@code radar.followup.completion-interval}, finishes follow-ups left unfinished for longer than a minute. */
@Component
class UnfinishedFollowUpsSchedule {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedFollowUpsSchedule.class);
    // Requests finish their own follow-ups within seconds; only older ones can have been abandoned.
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    private final UnfinishedFollowUps unfinished;
    private final Clock clock;

    UnfinishedFollowUpsSchedule(UnfinishedFollowUps unfinished, Clock clock) {
        this.unfinished = unfinished;
        this.clock = clock;
    }

    // One instance at a time, for as long as a run may last.
    @Scheduled(fixedDelayString = "${radar.followup.completion-interval:60s}",
            initialDelayString = "${radar.followup.completion-interval:60s}")
    @SchedulerLock(name = "followup-unfinished-completion", lockAtMostFor = "5m")
    void run() {
        try {
            Long finished = unfinished.finish(clock.instant().minus(GRACE)).block(RUN_TIMEOUT);
            if (finished != null && finished > 0) {
                log.info("finished {} follow-up(s) left unfinished", finished);
            }
        } catch (RuntimeException e) {
            log.warn("finishing follow-ups failed; the next run tries again: {}", e.getMessage());
        }
    }
}
