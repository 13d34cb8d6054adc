package com.dealerradar.platform.web;

import com.dealerradar.platform.security.CallerArgumentResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/** Problem+json for every failure, bounded request bodies and {@code Caller} handler parameters, in every service. */
@AutoConfiguration
public class WebAutoConfiguration {

    @Bean
    public ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    /** Picked up by the auto-configured JSON mapper, so every request body and batch item is bounded. */
    @Bean
    public BoundedInputModule boundedInputModule() {
        return new BoundedInputModule();
    }

    @Bean
    public RequestLineBounds requestLineBounds() {
        return new RequestLineBounds();
    }

    @Bean
    public RejectedRequests rejectedRequests() {
        return new RejectedRequests();
    }

    @Bean
    public WebFluxConfigurer callerParameters() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver());
            }
        };
    }
}
