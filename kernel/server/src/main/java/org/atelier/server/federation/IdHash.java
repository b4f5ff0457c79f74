package org.atelier.server.federation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of an ActivityPub id, in hex: ids are URLs that can be longer than a database index
 * allows, so tables key them by this.
 */
public final class IdHash {
    private IdHash() {
    }

    /**
     * @param id an id
     * @return its SHA-256, 64 hex digits
     */
    public static String of(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
