package org.atelier.server.federation.signatures;

/** A request's signature or digest was refused; the message says why, for the peer and the logs. */
public final class SignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the refusal.
     *
     * @param message why
     */
    public SignatureException(String message) {
        super(message);
    }
}
