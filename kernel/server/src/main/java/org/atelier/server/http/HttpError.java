package org.atelier.server.http;

/**
 * An error to answer with: a status and a message fit to show. Thrown by handlers; the kernel's
 * error handler renders it as HTML or JSON as the client prefers.
 */
public final class HttpError extends RuntimeException implements org.atelier.server.ClientError {
    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * Creates the error.
     *
     * @param status  the HTTP status
     * @param message what to show
     */
    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status */
    @Override
    public int status() {
        return status;
    }
}
