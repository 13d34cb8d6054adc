package com.dealerradar.gateway.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one-way form in which API keys are stored and compared. A plain SHA-256 is enough here, and a
 * slow password hash (bcrypt, Argon2) would only cost latency on every request: our keys are 256
 * random bits, not human-chosen passwords, so there is no dictionary to brute-force.
 */
public final class ApiKeyHash {

    private ApiKeyHash() {}

    public static String of(String rawKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** Compares two hashes in time independent of where they differ, so timing reveals nothing. */
    public static boolean same(String hash, String otherHash) {
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), otherHash.getBytes(StandardCharsets.US_ASCII));
    }
}
