package com.dealerradar.gateway.auth;

import com.dealerradar.gateway.key.AdminKey;
import com.dealerradar.gateway.key.ApiKeyHash;
import com.dealerradar.platform.security.Caller;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Turns a presented API key into the caller it stands for, or nothing if it is unknown or revoked. */
@Component
public class ApiKeyAuthenticator {

    private final AdminKey adminKey;
    private final ApiKeyLookupCache keys;

    public ApiKeyAuthenticator(AdminKey adminKey, ApiKeyLookupCache keys) {
        this.adminKey = adminKey;
        this.keys = keys;
    }

    public Mono<Caller> authenticate(String presentedKey) {
        String hash = ApiKeyHash.of(presentedKey);
        if (adminKey.matches(hash)) {
            return Mono.just(adminKey.caller());
        }
        return keys.find(hash);
    }
}
