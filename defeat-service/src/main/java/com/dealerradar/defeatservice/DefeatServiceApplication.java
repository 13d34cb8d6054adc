package com.dealerradar.defeatservice;

import com.dealerradar.defeatservice.defeat.adapter.mongo.DefeatStore;
import com.dealerradar.platform.outbox.OutboxCollections;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Owns lost-sale reports and their callbacks; publishes on radar.defeats. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DefeatServiceApplication {

    public static final String SOURCE = "/defeat-service";

    public static void main(String[] args) {
        SpringApplication.run(DefeatServiceApplication.class, args);
    }

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(DefeatStore.COLLECTION);
    }
}
