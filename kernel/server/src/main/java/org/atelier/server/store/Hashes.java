package org.atelier.server.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in hex: how secrets are kept (session keys, invite codes — only their hashes are
 * stored) and how files are identified (plugin jars).
 */
public final class Hashes {
    private Hashes() {
    }

    /**
     * The hex SHA-256 of some bytes.
     *
     * @param bytes the bytes
     * @return 64 hex digits
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The hex SHA-256 of a string's UTF-8 bytes.
     *
     * @param text the text
     * @return 64 hex digits
     */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
