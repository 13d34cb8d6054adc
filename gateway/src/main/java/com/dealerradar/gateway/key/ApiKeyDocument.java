package com.dealerradar.gateway.key;

import com.dealerradar.platform.security.Role;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a key sits in the {@code api_keys} collection; {@code keyId} is the document id. */
@Document(ApiKeyDocument.COLLECTION)
record ApiKeyDocument(@Id String keyId, String keyHash, Role role, String dealerId, String region, String label,
                      Instant createdAt, Instant revokedAt) {

    static final String COLLECTION = "api_keys";
    static final String KEY_HASH = "keyHash";

    static ApiKeyDocument of(ApiKey key, String keyHash) {
        return new ApiKeyDocument(key.keyId(), keyHash, key.role(), key.dealerId(), key.region(), key.label(),
                key.createdAt(), key.revokedAt());
    }

    ApiKey toApiKey() {
        return new ApiKey(keyId, role, dealerId, region, label, createdAt, revokedAt);
    }
}
