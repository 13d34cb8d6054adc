package com.dealerradar.testkit.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule on a fixture it must catch and on values it must let pass. The fixtures are put together
 * at run time, so that this file itself holds nothing the repository scan would find.
 */
class SecretRulesTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    static List<String> credentials() {
        return List.of(
                "-----BEGIN " + "RSA PRIVATE KEY-----",
                "-----BEGIN " + "OPENSSH PRIVATE KEY-----",
                "aws_access_key_id = " + "AKIA" + "IOSFODNN7EXAMPL3",
                "GH=" + "ghp_" + base64Letters(36),
                "SLACK=" + "xoxb-" + "1234567890-abcdefghij",
                "key=" + "AIza" + base64Letters(35),
                "Authorization: Bearer " + "eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiJrZXktMSJ9.c2lnbmF0dXJlLXZhbHVl",
                "DEALER=" + "rk_" + base64Letters(43),
                "ADMIN=" + "radar_admin_" + hex(16),
                "MONGODB_URI=mongodb://radar:" + "s3cr3t-Pa55" + "@mongo-0:27017",
                "RADAR_INTERNAL_TOKEN_SECRET=" + hex(32),
                "    phone-hash-key: " + hex(32),
                "private static final String API_KEY = \"" + "Zq8vN3pLx7Rt2WkY" + "9mHc4DsB6fJ1gQ5e" + "\";",
                "{\"password\": \"" + "hT4wK9zPq2" + "VbX7nLm3Rs" + "\"}");
    }

    static List<String> harmless() {
        return List.of(
                "RADAR_INTERNAL_TOKEN_SECRET: ${RADAR_INTERNAL_TOKEN_SECRET:?run deploy/compose/new-env.sh}",
                "--from-literal=RADAR_INTERNAL_TOKEN_SECRET=\"$(openssl rand -hex 32)\"",
                "static final String TOKEN_SECRET = \"test-internal-token-secret-of-32-bytes-or-more\";",
                "export RADAR_INTERNAL_TOKEN_SECRET='<48+ random characters, the same for every service>'",
                "internal-token-secret: ${RADAR_INTERNAL_TOKEN_SECRET:}",
                "MONGODB_URI: mongodb://mongo-0.mongo:27017,mongo-1.mongo:27017/?replicaSet=rs0",
                "mongodb://${MONGO_USER}:${MONGO_PASSWORD}@mongo:27017",
                "String token = TOKENS.sign(caller, \"lead-service\", Instant.now());",
                "tokenHash: 0123456789abcdefghijklmnopqrstuvwxyz",
                "A key is shown once: rk_ and 43 characters.");
    }

    @ParameterizedTest
    @MethodSource("credentials")
    void aCredentialIsFound(String line) {
        assertThat(SecretRules.scan("fixture.txt", "first line\n" + line + "\n"))
                .singleElement()
                .satisfies(finding -> assertThat(finding.line()).isEqualTo(2));
    }

    @ParameterizedTest
    @MethodSource("harmless")
    void aPlaceholderOrAReadableTestValueIsNot(String line) {
        assertThat(SecretRules.scan("fixture.txt", line)).isEmpty();
    }

    @Test
    void aKubernetesSecretManifestWithValuesIsFoundHoweverReadableItsValues() {
        String manifest = String.join("\n", "kind: ConfigMap", "data:", "  RADAR_TIME_ZONE: Asia/Shanghai", "---",
                "apiVersion: v1", "kind: " + "Secret", "stringData:",
                "  RADAR_INTERNAL_TOKEN_SECRET: change-me-to-at-least-48-random-characters-please");

        assertThat(SecretRules.scan("deploy/k8s/config.yaml", manifest)).extracting(Object::toString)
                .containsExactly("deploy/k8s/config.yaml:7 Kubernetes Secret with values");
    }

    @Test
    void aFindingNamesWhereAndWhichRuleButNotTheValue() {
        String value = hex(32);

        List<SecretRules.Finding> findings = SecretRules.scan("deploy/k8s/config.yaml", "SECRET=" + value);

        assertThat(findings).extracting(Object::toString)
                .containsExactly("deploy/k8s/config.yaml:1 random value assigned to a secret")
                .noneMatch(text -> text.contains(value));
    }

    @Test
    void randomValuesLookRandomAndWordsDoNot() {
        assertThat(SecretRules.looksRandom(hex(32))).isTrue();
        assertThat(SecretRules.looksRandom("hT4wK9zPq2" + "VbX7nLm3Rs")).isTrue();
        assertThat(SecretRules.looksRandom("radar-testkit-internal-token-secret-not-for-prod")).isFalse();
        assertThat(SecretRules.looksRandom("a".repeat(48))).isFalse();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    // Random letters and digits of both cases (URL-safe Base64 without its two symbols), as tokens are.
    private static String base64Letters(int length) {
        StringBuilder letters = new StringBuilder();
        while (letters.length() < length) {
            byte[] random = new byte[length];
            RANDOM.nextBytes(random);
            letters.append(Base64.getEncoder().encodeToString(random).replaceAll("[^A-Za-z0-9]", ""));
        }
        return letters.substring(0, length);
    }
}
