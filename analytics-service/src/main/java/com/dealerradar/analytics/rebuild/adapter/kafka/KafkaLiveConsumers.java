package com.dealerradar.analytics.rebuild.adapter.kafka;

import com.dealerradar.analytics.rebuild.application.LiveConsumers;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/** Every {@code @KafkaListener} container of the service. */
@Component
class KafkaLiveConsumers implements LiveConsumers {

    private final KafkaListenerEndpointRegistry listeners;

    KafkaLiveConsumers(KafkaListenerEndpointRegistry listeners) {
        this.listeners = listeners;
    }

    @Override
    public void stopAll() {
        listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
    }

    @Override
    public void startAll() {
        listeners.getListenerContainers().forEach(MessageListenerContainer::start);
    }
}
