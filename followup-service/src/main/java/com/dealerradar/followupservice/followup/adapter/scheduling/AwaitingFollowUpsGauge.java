package com.dealerradar.followupservice.followup.adapter.scheduling;

import com.dealerradar.followupservice.followup.application.AwaitingFollowUpExpiry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code radar.followup.awaiting}: how many follow-ups await their lead, read by key every
 * {@code radar.followup.awaiting-count-interval}. Every instance reads it, without a lease, so that each
 * one's figure is current whichever instance runs the expiry.
 */
@Component
class AwaitingFollowUpsGauge {

    private static final Logger log = LoggerFactory.getLogger(AwaitingFollowUpsGauge.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final AwaitingFollowUpExpiry expiry;
    private final AtomicLong waiting = new AtomicLong();

    AwaitingFollowUpsGauge(AwaitingFollowUpExpiry expiry, MeterRegistry meters) {
        this.expiry = expiry;
        Gauge.builder("radar.followup.awaiting", waiting, AtomicLong::get)
                .description("follow-ups accepted before their lead was known and still awaiting it")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${radar.followup.awaiting-count-interval:60s}")
    void refresh() {
        try {
            Long now = expiry.waiting().block(READ_TIMEOUT);
            if (now != null) {
                waiting.set(now);
            }
        } catch (RuntimeException e) {
            log.info("count of follow-ups awaiting their lead not refreshed: {}", e.getMessage());
        }
    }
}
