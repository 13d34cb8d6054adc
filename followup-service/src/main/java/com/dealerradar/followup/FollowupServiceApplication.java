package com.dealerradar.followup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns follow-up records and the follow-up cadence; publishes on radar.followups. */
@SpringBootApplication
public class FollowupServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FollowupServiceApplication.class, args);
    }
}
