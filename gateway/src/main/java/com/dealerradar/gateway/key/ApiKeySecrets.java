package com.dealerradar.gateway.key;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Mints new key secrets ({@code rk_} and 256 random bits in base64url) and their public ids. */
@Component
public class ApiKeySecrets {

    private static final String PREFIX = "rk_";
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String newKeyId() {
        return "key-" + UUID.randomUUID();
    }
}
