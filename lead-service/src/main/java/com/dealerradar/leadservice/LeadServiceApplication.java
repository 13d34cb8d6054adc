package com.dealerradar.leadservice;

import com.dealerradar.platform.outbox.OutboxCollections;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Owns the directory of dealers and the leads; publishes on radar.directory and radar.leads. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeadServiceApplication {

    public static final String SOURCE = "/lead-service";
    public static final String DIRECTORY_SOURCE = "/directory";

    public static void main(String[] args) {
        SpringApplication.run(LeadServiceApplication.class, args);
    }

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("dealers", "leads");
    }
}
