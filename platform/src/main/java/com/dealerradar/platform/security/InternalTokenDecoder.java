package com.dealerradar.platform.security;

import java.time.InstantSource;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Reads an {@link InternalToken} at one service: signed with the shared secret, from the gateway, for this
 * service. A token once verified is remembered until it expires ({@link VerifiedTokens}).
 */
public final class InternalTokenDecoder {

    private InternalTokenDecoder() {}

    /** @param audience the name of the service that reads the token; a token for any other is refused */
    public static ReactiveJwtDecoder forAudience(String secret, String audience) {
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException(
                    "radar.security.audience (or spring.application.name) must name this service");
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withSecretKey(InternalToken.secretKey(secret))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(InternalToken.ISSUER), new JwtAudienceValidator(audience)));
        return new VerifiedTokens(decoder, InstantSource.system());
    }
}
