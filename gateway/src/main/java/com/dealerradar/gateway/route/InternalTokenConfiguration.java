package com.dealerradar.gateway.route;

import com.dealerradar.platform.security.InternalToken;
import com.dealerradar.platform.security.RadarSecurityProperties;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The internal tokens the gateway relays, signed with the shared secret and reused per caller. */
@Configuration(proxyBeanMethods = false)
class InternalTokenConfiguration {

    @Bean
    InternalTokens internalTokens(RadarSecurityProperties security,
                                  @Value("${radar.gateway.internal-token-reuse:30s}") Duration reuse) {
        return new InternalTokens(new InternalToken(security.internalTokenSecret()), reuse, Clock.systemUTC(),
                Ticker.systemTicker());
    }
}
