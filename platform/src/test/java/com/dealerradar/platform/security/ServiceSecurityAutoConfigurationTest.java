package com.dealerradar.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;

/** How a service's configuration decides its token secret and audience. */
class ServiceSecurityAutoConfigurationTest {

    private static final String SECRET = "a-shared-internal-token-secret-of-48-characters!";
    private static final Caller HQ = new Caller("key-1", Role.HQ, null, null);

    // The filter chain is the web layer's business; these tests are about the decoder only.
    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServiceSecurityAutoConfiguration.class))
            .withBean(SecurityWebFilterChain.class, () -> new MatcherSecurityWebFilterChain(
                    ServerWebExchangeMatchers.anyExchange(), List.<WebFilter>of((exchange, chain) -> chain.filter(exchange))));

    @Test
    void aServiceDoesNotStartWithoutATokenSecret() {
        service.withPropertyValues("spring.application.name=defeat-service")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("RADAR_INTERNAL_TOKEN_SECRET"));
    }

    @Test
    void theAudienceIsTheServicesNameUnlessSetOtherwise() {
        service.withPropertyValues("spring.application.name=defeat-service",
                        "radar.security.internal-token-secret=" + SECRET)
                .run(context -> assertThat(accepts(context.getBean(ReactiveJwtDecoder.class), "defeat-service"))
                        .isTrue());
        service.withPropertyValues("spring.application.name=defeat-service", "radar.security.audience=defeats",
                        "radar.security.internal-token-secret=" + SECRET)
                .run(context -> {
                    ReactiveJwtDecoder decoder = context.getBean(ReactiveJwtDecoder.class);
                    assertThat(accepts(decoder, "defeats")).isTrue();
                    assertThat(accepts(decoder, "defeat-service")).isFalse();
                });
    }

    private static boolean accepts(ReactiveJwtDecoder decoder, String audience) {
        String token = new InternalToken(SECRET).sign(HQ, audience, Instant.now());
        return decoder.decode(token).map(InternalToken::callerOf).onErrorComplete().blockOptional().isPresent();
    }
}
