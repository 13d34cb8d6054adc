package com.dealerradar.analytics;

import com.dealerradar.platform.directory.DealerDirectory;
import com.dealerradar.platform.security.ScopeResolver;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The read model: fed only by the topics, it serves the dashboards of headquarters and regions. */
@SpringBootApplication
public class AnalyticsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnalyticsServiceApplication.class, args);
    }

    /** A regional manager's dealer is placed by the serving read model's copy of the directory. */
    @Bean
    ScopeResolver scopeResolver(DealerDirectory directory) {
        return new ScopeResolver(directory::regionOf);
    }
}
