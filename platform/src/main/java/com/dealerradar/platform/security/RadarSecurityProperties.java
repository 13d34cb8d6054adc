package com.dealerradar.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param internalTokenSecret the HMAC secret shared by the gateway and the services
 * @param audience            the name internal tokens for this service carry; {@code spring.application.name}
 *                            when not set
 */
@ConfigurationProperties("radar.security")
public record RadarSecurityProperties(String internalTokenSecret, String audience) {}
