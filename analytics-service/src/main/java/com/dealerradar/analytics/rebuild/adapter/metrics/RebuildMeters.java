package com.dealerradar.analytics.rebuild.adapter.metrics;

import com.dealerradar.analytics.rebuild.application.RebuildReadModel;
import com.dealerradar.analytics.rebuild.domain.RebuildStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The progress of the latest rebuild this instance ran: {@code radar.analytics.rebuild.events} (events
 * replayed), {@code radar.analytics.rebuild.remaining} (offsets left to the targets known so far) and
 * {@code radar.analytics.rebuild.state} (0 none, 1 RUNNING, 2 SWITCHED, 3 FAILED).
 */
@Component
class RebuildMeters {

    RebuildMeters(RebuildReadModel rebuild, MeterRegistry meters) {
        Gauge.builder("radar.analytics.rebuild.events", rebuild,
                        r -> r.lastHere().map(RebuildStatus::events).orElse(0L))
                .description("events replayed by the latest rebuild of this instance").register(meters);
        Gauge.builder("radar.analytics.rebuild.remaining", rebuild,
                        r -> r.lastHere().map(RebuildStatus::remaining).orElse(0L))
                .description("offsets the latest rebuild of this instance has still to replay").register(meters);
        Gauge.builder("radar.analytics.rebuild.state", rebuild,
                        r -> r.lastHere().map(s -> s.state().ordinal() + 1).orElse(0))
                .description("0 no rebuild, 1 RUNNING, 2 SWITCHED, 3 FAILED").register(meters);
    }
}
