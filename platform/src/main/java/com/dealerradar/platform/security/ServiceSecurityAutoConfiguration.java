package com.dealerradar.platform.security;

import com.dealerradar.platform.web.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Every service trusts only the gateway's internal token for itself: without a valid one, or with one
 * for another service, it answers 401.
 * Health and metrics stay open for probes and scraping.
 */
@AutoConfiguration
@EnableConfigurationProperties(RadarSecurityProperties.class)
public class ServiceSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ReactiveJwtDecoder internalTokenDecoder(RadarSecurityProperties properties, Environment environment) {
        String audience = properties.audience() != null
                ? properties.audience()
                : environment.getProperty("spring.application.name");
        return InternalTokenDecoder.forAudience(properties.internalTokenSecret(), audience);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    public SecurityWebFilterChain internalTokenFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .pathMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/webjars/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint((exchange, e) -> ProblemResponses.write(exchange.getResponse(),
                                HttpStatus.UNAUTHORIZED, "unauthorized", "a valid internal token from the gateway is required"))
                        .accessDeniedHandler((exchange, e) -> ProblemResponses.write(exchange.getResponse(),
                                HttpStatus.FORBIDDEN, "forbidden", "not allowed")))
                .build();
    }
}
