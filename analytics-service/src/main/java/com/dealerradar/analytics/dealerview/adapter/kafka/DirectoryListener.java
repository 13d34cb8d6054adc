package com.dealerradar.analytics.dealerview.adapter.kafka;

import com.dealerradar.events.EventEnvelope;
import com.dealerradar.analytics.generation.application.ReadModels;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Applies radar.directory to the read model's generations ({@link ReadModels}); the offset is committed only after the write. */
@Component
class DirectoryListener {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final ReadModels models;

    DirectoryListener(ReadModels models) {
        this.models = models;
    }

    @KafkaListener(topics = "#{@topics.directory()}", groupId = "analytics-service-directory")
    void on(EventEnvelope event) {
        models.applyDirectory(event).block(WRITE_TIMEOUT);
    }
}
