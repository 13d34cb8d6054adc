package com.dealerradar.gateway.key;

import com.dealerradar.platform.security.Caller;
import com.dealerradar.platform.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bootstrap ADMIN key from {@code RADAR_ADMIN_KEY}. It lives only in configuration, never in the
 * store, so that a fresh stack can issue its first keys and a lost database cannot lock anyone out.
 */
@Component
public class AdminKey {

    public static final String KEY_ID = "admin";
    static final int MIN_LENGTH = 16;
    private static final Caller CALLER = new Caller(KEY_ID, Role.ADMIN, null, null);

    private final String hash;

    public AdminKey(@Value("${radar.admin-key:}") String rawKey) {
        if (rawKey == null || rawKey.length() < MIN_LENGTH) {
            throw new IllegalStateException("radar.admin-key (RADAR_ADMIN_KEY) must be set to at least "
                    + MIN_LENGTH + " characters; the gateway does not start without an ADMIN key");
        }
        this.hash = ApiKeyHash.of(rawKey);
    }

    public boolean matches(String presentedHash) {
        return ApiKeyHash.same(hash, presentedHash);
    }

    public Caller caller() {
        return CALLER;
    }
}
