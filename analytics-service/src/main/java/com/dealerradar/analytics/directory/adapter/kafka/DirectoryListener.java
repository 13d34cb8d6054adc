package com.dealerradar.analytics.directory.adapter.kafka;

import com.dealerradar.analytics.directory.application.DirectoryProjection;
import com.dealerradar.events.CloudEventCodec;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    @KafkaListener(topics = "#{@topics.directory()}", groupId = "analytics-service-directory")
    void on(ConsumerRecord<String, CloudEvent> record) {
        projection.apply(CloudEventCodec.fromCloudEvent(record.value())).block(WRITE_TIMEOUT);
    }
}
