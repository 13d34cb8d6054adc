package com.dealerradar.leadservice.lead.application;

import com.dealerradar.leadservice.lead.domain.PhoneNumber;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 of a phone number in E.164. Keyed, so that the hash in events cannot be reversed by
 * hashing every possible number.
 */
@Component
public class PhoneHasher {

    private final SecretKeySpec key;

    public PhoneHasher(@Value("${radar.privacy.phone-hash-key}") String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalStateException("radar.privacy.phone-hash-key (RADAR_PHONE_HASH_KEY) must be set");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * The hash of the number in E.164 and its masked form; null for no number. Admission has already
     * refused a number that is not a valid mobile or fixed-line one, so such a number is a bug here.
     */
    public PhoneNumber protect(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        PhoneNumber.Normalized normalized = PhoneNumber.normalize(raw)
                .orElseThrow(() -> new IllegalArgumentException("not a valid phone number; admission lets none in"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String hash = HexFormat.of().formatHex(mac.doFinal(normalized.e164().getBytes(StandardCharsets.UTF_8)));
            return new PhoneNumber(hash, normalized.masked());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
