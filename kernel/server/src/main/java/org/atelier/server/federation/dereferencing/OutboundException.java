package org.atelier.server.federation.dereferencing;

import java.util.Objects;

/**
 * Why an outbound request failed, with a message for the logs. The {@link Reason} lets callers
 * decide whether to try again later (a delivery queue retries {@link Reason#retryable()} ones).
 */
public final class OutboundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The URL, or a redirect's {@code Location}, is not an absolute http(s) URL we accept. */
        BAD_URL(false),
        /** The host resolves to a loopback, private, link-local or other special address. */
        REFUSED_ADDRESS(false),
        /** The answer's body is longer than the limit. */
        TOO_LARGE(false),
        /** More redirects than the limit, or a redirect loop. */
        TOO_MANY_REDIRECTS(false),
        /** Connecting or the whole request took longer than its limit. */
        TIMEOUT(true),
        /** The host name does not resolve, the connection failed or the answer is not valid HTTP. */
        IO(true);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        /**
         * Whether the same request may succeed later: the network or the remote server may
         * recover, while a refused address or an oversized answer will be refused again.
         *
         * @return true for timeouts and I/O failures
         */
        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  what went wrong
     * @param message what happened, naming the URL or host
     */
    public OutboundException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param reason  what went wrong
     * @param message what happened, naming the URL or host
     * @param cause   the underlying failure, or null
     */
    public OutboundException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return what went wrong */
    public Reason reason() {
        return reason;
    }
}
