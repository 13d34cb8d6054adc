package com.dealerradar.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A SHA-256 over the canonical parts of a command (each part as {@link Objects#toString(Object)}, joined
 * by U+0001), stored with what the command created, so that a retry with the same {@code externalRef}
 * can be told from a different command. Fingerprints are stored: the canonical form never changes.
 */
public final class Fingerprint {

    private Fingerprint() {}

    public static String of(List<?> parts) {
        String canonical = parts.stream().map(Objects::toString).collect(Collectors.joining("\u0001"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
