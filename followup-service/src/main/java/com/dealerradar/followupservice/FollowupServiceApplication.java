package com.dealerradar.followupservice;

import com.dealerradar.followupservice.leadview.adapter.mongo.TrackedLeadStore;
import com.dealerradar.platform.directory.DealerDirectory;
import com.dealerradar.platform.outbox.OutboxCollections;
import com.dealerradar.platform.security.ScopeResolver;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Owns follow-up records and the follow-up cadence; publishes on radar.followups. */
@SpringBootApplication
public class FollowupServiceApplication {

    public static final String SOURCE = "/followup-service";

    public static void main(String[] args) {
        SpringApplication.run(FollowupServiceApplication.class, args);
    }

    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(TrackedLeadStore.COLLECTION);
    }

    /** A regional manager's dealer is placed by this service's copy of the directory. */
    @Bean
    ScopeResolver scopeResolver(DealerDirectory directory) {
        return new ScopeResolver(directory::regionOf);
    }
}
