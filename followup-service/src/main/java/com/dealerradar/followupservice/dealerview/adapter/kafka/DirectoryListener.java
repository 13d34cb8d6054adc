package com.dealerradar.followupservice.dealerview.adapter.kafka;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.platform.directory.DirectoryProjection;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies radar.directory; the offset is committed only after the write. */
@Component
class DirectoryListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final DirectoryProjection projection;

    DirectoryListener(DirectoryProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(topics = "#{@topics.directory()}", groupId = "followup-service-directory")
    void on(EventEnvelope event) {
        projection.apply(event).block(WRITE_TIMEOUT);
    }
}
