package org.atelier.server.posts;

import org.atelier.server.ClientError;

/** A post (or something done to one) refused for a reason the person can act on. */
public final class PostException extends RuntimeException implements ClientError {
    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * Creates the refusal.
     *
     * @param status  the HTTP status: 400 bad input, 403 not allowed, 404 not found (or not visible), 409 conflict
     * @param message what to tell the person
     */
    public PostException(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * A post that does not exist or that the viewer may not see: the same answer for both, so that
     * followers-only and draft posts are not revealed by their ids.
     *
     * @return the refusal
     */
    public static PostException notFound() {
        return new PostException(404, "No such post.");
    }

    @Override
    public int status() {
        return status;
    }
}
