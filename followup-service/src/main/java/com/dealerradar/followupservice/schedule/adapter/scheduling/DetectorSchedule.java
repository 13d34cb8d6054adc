package com.dealerradar.followupservice.schedule.adapter.scheduling;

import com.dealerradar.followupservice.schedule.application.OverdueDetector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the overdue detector every {@code radar.followup.detector-interval} (default one minute), on one
 * instance at a time; {@code radar.followup.detector.run} times the runs this instance made.
 */
@Component
class DetectorSchedule {

    private static final Logger log = LoggerFactory.getLogger(DetectorSchedule.class);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

    private final OverdueDetector detector;
    private final Timer runs;

    DetectorSchedule(OverdueDetector detector, MeterRegistry meters) {
        this.detector = detector;
        this.runs = Timer.builder("radar.followup.detector.run")
                .description("runs of the overdue and at-risk detector on this instance")
                .register(meters);
    }

    // The lease lasts as long as a run may, so a holder that died delays the next run by that much at most.
    @Scheduled(fixedDelayString = "${radar.followup.detector-interval:60s}",
            initialDelayString = "${radar.followup.detector-interval:60s}")
    @SchedulerLock(name = "followup-overdue-detector", lockAtMostFor = "10m")
    void run() {
        runs.record(this::runOnce);
    }

    private void runOnce() {
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
