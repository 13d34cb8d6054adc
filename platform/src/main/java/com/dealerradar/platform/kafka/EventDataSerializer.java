package com.dealerradar.platform.kafka;

import io.cloudevents.CloudEvent;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes only a CloudEvent's payload: a dead letter keeps the original record's {@code ce_} headers,
 * so writing them again would double them.
 */
class EventDataSerializer implements Serializer<CloudEvent> {

    @Override
    public byte[] serialize(String topic, CloudEvent event) {
        return event == null || event.getData() == null ? null : event.getData().toBytes();
    }
}
