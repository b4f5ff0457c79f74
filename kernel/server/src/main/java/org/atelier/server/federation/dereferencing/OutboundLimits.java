package org.atelier.server.federation.dereferencing;

import java.time.Duration;
import java.util.Objects;

/**
 * How long, how large and how far an outbound request may go.
 *
 * @param connectTimeout the TCP connect (and TLS handshake) time per hop
 * @param requestTimeout the whole request: DNS, connecting, every redirect, reading the body
 * @param maxBodyBytes   the longest answer body read; more aborts the request
 * @param maxRedirects   how many redirects a GET follows
 */
public record OutboundLimits(Duration connectTimeout, Duration requestTimeout, int maxBodyBytes, int maxRedirects) {
    /** A server that does not accept within this is down or dropping us. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Remote servers are slow under load, but a delivery worker must not hang on one. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Actor and object documents are a few kilobytes; 1 MiB is what Mastodon accepts too. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Real servers redirect once or twice (http to https, a moved actor). */
    public static final int MAX_REDIRECTS = 5;
    /** The defaults above. */
    public static final OutboundLimits DEFAULTS =
            new OutboundLimits(CONNECT_TIMEOUT, REQUEST_TIMEOUT, MAX_BODY_BYTES, MAX_REDIRECTS);

    /**
     * Validates the limits.
     *
     * @param connectTimeout connect time per hop
     * @param requestTimeout whole request time
     * @param maxBodyBytes   largest body
     * @param maxRedirects   redirects followed
     */
    public OutboundLimits {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
                || requestTimeout.isZero()) {
            throw new IllegalArgumentException("outbound timeouts must be positive");
        }
        if (maxBodyBytes < 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the body limit must be from 0 to the largest array: " + maxBodyBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("the redirect limit must not be negative: " + maxRedirects);
        }
    }
}
