package com.dealerradar.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fingerprints are stored with what a command created, so their canonical form must never change. */
class FingerprintTest {

    @Test
    void isTheSha256OfThePartsJoinedByU0001() {
        // printf 'L-1\001crm-7\001null' | sha256sum
        assertThat(Fingerprint.of(Arrays.asList("L-1", "crm-7", null)))
                .isEqualTo("181aa9698863f2aacb83e676578fa046bcf76a4aae0386638955eeb918f36c26");
    }

    @Test
    void tellsDifferentPartsApartAndTheSamePartsAlike() {
        assertThat(Fingerprint.of(List.of("a", "b"))).isEqualTo(Fingerprint.of(List.of("a", "b")))
                .isNotEqualTo(Fingerprint.of(List.of("a", "c")))
                .isNotEqualTo(Fingerprint.of(List.of("ab")));
    }
}
