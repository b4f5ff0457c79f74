package org.atelier.server.federation.signatures;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The {@code Digest} header (RFC 3230) of a request body, as ActivityPub servers send it:
 * {@code SHA-256=<base64>}. A header may list several digests, comma-separated; the SHA-256 one
 * must be there and match.
 */
public final class Digests {
    private Digests() {
    }

    /**
     * @param body a request body
     * @return its {@code Digest} header value
     */
    public static String of(byte[] body) {
        return "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
    }

    /**
     * Checks a {@code Digest} header against the body received.
     *
     * @param header the header value (null when absent)
     * @param body   the body
     * @throws SignatureException when there is no SHA-256 digest, or it does not match
     */
    public static void verify(String header, byte[] body) throws SignatureException {
        if (header == null || header.isBlank()) {
            throw new SignatureException("The request has no Digest header.");
        }
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("sha-256")) {
                byte[] claimed;
                try {
                    claimed = Base64.getDecoder().decode(part.substring(eq + 1).strip());
                } catch (IllegalArgumentException e) {
                    throw new SignatureException("The SHA-256 digest is not Base64.");
                }
                if (!MessageDigest.isEqual(claimed, sha256(body))) {
                    throw new SignatureException("The body does not match its SHA-256 digest.");
                }
                return;
            }
        }
        throw new SignatureException("The Digest header has no SHA-256 digest.");
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
