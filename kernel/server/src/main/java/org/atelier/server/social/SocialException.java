package org.atelier.server.social;

import org.atelier.server.ClientError;

/** A social action refused for a reason the person can act on. */
public final class SocialException extends RuntimeException implements ClientError {
    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * Creates the refusal.
     *
     * @param status  the HTTP status: 400 bad input, 403 not allowed, 404 not found (or not visible)
     * @param message what to tell the person
     */
    public SocialException(int status, String message) {
        super(message);
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
