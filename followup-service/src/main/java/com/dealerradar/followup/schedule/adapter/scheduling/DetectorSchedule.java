package com.dealerradar.followup.schedule.adapter.scheduling;

import com.dealerradar.followup.schedule.application.OverdueDetector;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the overdue detector every {@code radar.followup.detector-interval} (default one minute). */
@Component
class DetectorSchedule {

    private static final Logger log = LoggerFactory.getLogger(DetectorSchedule.class);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    private final OverdueDetector detector;

    DetectorSchedule(OverdueDetector detector) {
        this.detector = detector;
    }

    @Scheduled(fixedDelayString = "${radar.followup.detector-interval:60s}",
            initialDelayString = "${radar.followup.detector-interval:60s}")
    void run() {
        try {
            OverdueDetector.Run run = detector.runOnce().block(RUN_TIMEOUT);
            if (run != null && run.replanned() + run.overdue() + run.atRiskCandidates() > 0) {
                log.info("follow-up detector: {} re-planned, {} overdue and {} at-risk candidate event(s)",
                        run.replanned(), run.overdue(), run.atRiskCandidates());
            }
        } catch (RuntimeException e) {
            log.warn("follow-up detector run failed; the next run tries again: {}", e.getMessage());
        }
    }
}
