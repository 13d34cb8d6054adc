package com.dealerradar.leadservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealerradar.leadservice.lead.application.PhoneHasher;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The phone-hash key as lead-service's own application.yml wires it: a key of its own, required, and
 * independent of the internal token secret, so that rotating that secret keeps duplicates matching.
 */
class PhoneHashKeyConfigurationTest {

    private static final String PHONE = "13800005678";
    private static final String PHONE_HASH_KEY = "radar.privacy.phone-hash-key=a-phone-hash-key-for-this-test";

    private final ApplicationContextRunner lead = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(PhoneHasher.class);

    @Test
    void rotatingTheInternalTokenSecretLeavesThePhoneHashesAsTheyWere() {
        String[] hashes = new String[2];
        lead.withPropertyValues(PHONE_HASH_KEY, "radar.security.internal-token-secret=" + "a".repeat(48))
                .run(context -> hashes[0] = context.getBean(PhoneHasher.class).protect(PHONE).hash());
        lead.withPropertyValues(PHONE_HASH_KEY, "radar.security.internal-token-secret=" + "b".repeat(48))
                .run(context -> hashes[1] = context.getBean(PhoneHasher.class).protect(PHONE).hash());

        assertThat(hashes[0]).isNotNull().isEqualTo(hashes[1]);
    }

    @Test
    void theServiceDoesNotStartWithoutAPhoneHashKeyEvenWhenTheTokenSecretIsSet() {
        lead.withPropertyValues("radar.security.internal-token-secret=" + "a".repeat(48))
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("RADAR_PHONE_HASH_KEY"));
    }
}
