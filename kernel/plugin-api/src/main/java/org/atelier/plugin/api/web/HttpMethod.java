package org.atelier.plugin.api.web;

/**
 * The HTTP methods an extension route can answer.
 */
public enum HttpMethod {
    /** Read; never changes state. */
    GET,
    /** Create or act; CSRF-checked by the kernel. */
    POST,
    /** Replace; CSRF-checked. */
    PUT,
    /** Partly update; CSRF-checked. */
    PATCH,
    /** Remove; CSRF-checked. */
    DELETE;

    /**
     * Whether requests with this method change state and so need a CSRF token.
     *
     * @return true for everything but GET
     */
    public boolean changesState() {
        return this != GET;
    }
}
