package org.atelier.server.accounts;

/**
 * An account operation was refused; the message is fit to show to the person who asked.
 */
public final class AccountException extends RuntimeException implements org.atelier.server.ClientError {
    private static final long serialVersionUID = 1L;

    /** Why it was refused, as an HTTP-ish category. */
    public enum Reason {
        /** The input was invalid. */
        INVALID(400),
        /** Wrong credentials or not signed in. */
        UNAUTHORISED(401),
        /** Signed in but not allowed. */
        FORBIDDEN(403),
        /** No such account. */
        NOT_FOUND(404),
        /** Clashes with existing data. */
        CONFLICT(409),
        /** Too many attempts. */
        RATE_LIMITED(429);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        /**
         * The matching HTTP status.
         *
         * @return the status code
         */
        public int status() {
            return status;
        }
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  why
     * @param message what to show
     */
    public AccountException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Why it was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    @Override
    public int status() {
        return reason.status();
    }
}
