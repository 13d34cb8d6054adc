package com.dealerradar.leadservice.lead.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneHasherTest {

    private final PhoneHasher hasher = new PhoneHasher("a-test-key-of-sufficient-length");

    @Test
    void oneNumberWrittenTwoWaysHashesTheSame() {
        assertThat(hasher.protect("+86 138 0000 5678")).isEqualTo(hasher.protect("13800005678"));
        assertThat(hasher.protect("13800005678").masked()).isEqualTo("138****5678");
    }

    @Test
    void differentNumbersAndDifferentKeysHashApart() {
        assertThat(hasher.protect("13800005678").hash()).isNotEqualTo(hasher.protect("13800005679").hash());
        assertThat(new PhoneHasher("another-key-of-sufficient-length").protect("13800005678").hash())
                .isNotEqualTo(hasher.protect("13800005678").hash());
    }
}
