package com.dealerradar.local.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the gateway's internal token for lead-service (HS256 JWT, claims as platform's InternalToken
 * writes them) so that the benchmark can call it directly; deploy/local does not depend on platform.
 */
final class InternalTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    InternalTokens(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String dealer(String keyId, String dealerId, Instant now) {
        String header = "{\"alg\":\"HS256\"}";
        String claims = "{\"iss\":\"dealer-radar-gateway\",\"aud\":\"lead-service\",\"sub\":\"%s\",\"jti\":\"%s\",\"iat\":%d,\"exp\":%d,\"role\":\"DEALER\",\"dealerId\":\"%s\"}"
                .formatted(keyId, UUID.randomUUID(), now.getEpochSecond(), now.getEpochSecond() + 60, dealerId);
        String unsigned = encode(header) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return unsigned + "." + URL.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
