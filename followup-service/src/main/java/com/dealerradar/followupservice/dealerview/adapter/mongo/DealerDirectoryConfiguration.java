package com.dealerradar.followupservice.dealerview.adapter.mongo;

import com.dealerradar.platform.directory.DealerDirectory;
import com.dealerradar.platform.directory.DirectoryProjection;
import com.dealerradar.platform.directory.MongoDealerDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** followup-service's copy of the dealer directory, in {@code dealers}: it places a regional manager's dealers. */
@Configuration(proxyBeanMethods = false)
class DealerDirectoryConfiguration {

    static final String COLLECTION = "dealers";

    @Bean
    DealerDirectory dealerDirectory(ReactiveMongoTemplate mongo) {
        return new MongoDealerDirectory(mongo, COLLECTION);
    }

    @Bean
    DirectoryProjection directoryProjection(DealerDirectory directory) {
        return new DirectoryProjection(directory);
    }
}
