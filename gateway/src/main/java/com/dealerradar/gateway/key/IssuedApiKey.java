package com.dealerradar.gateway.key;

import com.dealerradar.platform.security.Role;

/** The answer to {@code POST /api/keys}: the only time the secret {@code apiKey} is ever shown. */
public record IssuedApiKey(String keyId, String apiKey, Role role, String dealerId, String region, String label) {

    static IssuedApiKey of(ApiKey key, String secret) {
        return new IssuedApiKey(key.keyId(), secret, key.role(), key.dealerId(), key.region(), key.label());
    }
}
