package com.dealerradar.defeat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns lost-sale reports and their callbacks; publishes on radar.defeats. */
@SpringBootApplication
public class DefeatServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DefeatServiceApplication.class, args);
    }
}
