package com.dealerradar.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The short-lived token in which the gateway tells a service who the caller is. HMAC-SHA256 with a
 * secret shared by the gateway and the services; the claim names live here only. Each token names the
 * one service it is for (its audience), so a token seen by one service is no use at another.
 */
public final class InternalToken {

    public static final String ISSUER = "dealer-radar-gateway";
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    static final String ROLE = "role";
    static final String DEALER_ID = "dealerId";
    static final String REGION = "region";
    private static final int MIN_SECRET_BYTES = 32;

    private final MACSigner signer;

    public InternalToken(String secret) {
        try {
            this.signer = new MACSigner(secretKey(secret));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("internal token secret is unusable", e);
        }
    }

    public static SecretKey secretKey(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(
                    "radar.security.internal-token-secret (RADAR_INTERNAL_TOKEN_SECRET) must be set to at least "
                            + MIN_SECRET_BYTES + " bytes");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** @param audience the service the token is for, as it names itself ({@code spring.application.name}) */
    public String sign(Caller caller, String audience, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(caller.keyId())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim(ROLE, caller.role().name())
                .claim(DEALER_ID, caller.dealerId())
                .claim(REGION, caller.region())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign internal token", e);
        }
        return jwt.serialize();
    }

    public static Caller callerOf(Jwt jwt) {
        return new Caller(
                jwt.getSubject(),
                Role.valueOf(jwt.getClaimAsString(ROLE)),
                jwt.getClaimAsString(DEALER_ID),
                jwt.getClaimAsString(REGION));
    }
}
