package com.dealerradar.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param internalTokenSecret the HMAC secret shared by the gateway and the services */
@ConfigurationProperties("radar.security")
public record RadarSecurityProperties(String internalTokenSecret) {}
