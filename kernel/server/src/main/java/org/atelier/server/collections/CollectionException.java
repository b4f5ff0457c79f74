package org.atelier.server.collections;

import org.atelier.server.ClientError;

/** A bookmark or album request refused for a reason the person can act on. */
public final class CollectionException extends RuntimeException implements ClientError {
    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * Creates the refusal.
     *
     * @param status  the HTTP status: 400 bad input, 404 not found (or not the viewer's), 409 a limit
     * @param message what to tell the person
     */
    public CollectionException(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * An album that does not exist, or that the viewer may not see or change: one answer for all,
     * so that private albums are not revealed by their ids.
     *
     * @return the refusal
     */
    public static CollectionException albumNotFound() {
        return new CollectionException(404, "No such album.");
    }

    @Override
    public int status() {
        return status;
    }
}
