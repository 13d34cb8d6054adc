package com.dealerradar.gateway.key;

import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import java.time.Instant;

/** An issued API key as the gateway remembers it: everything but the secret itself. */
public record ApiKey(String keyId, Role role, String dealerId, String region, String label,
                     Instant createdAt, Instant revokedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Caller toCaller() {
        return new Caller(keyId, role, dealerId, region);
    }
}
