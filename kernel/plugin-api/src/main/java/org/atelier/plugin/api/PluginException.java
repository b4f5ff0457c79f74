package org.atelier.plugin.api;

/**
 * Thrown by a plugin to say that it could not do what it was asked, with a message fit to show to
 * the person who asked. The kernel turns it into a clean error for that feature only; any other
 * exception is treated the same way but its message is logged rather than shown.
 */
public class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message fit for users.
     *
     * @param message what went wrong, in words a user can act on
     */
    public PluginException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message fit for users and the underlying cause.
     *
     * @param message what went wrong, in words a user can act on
     * @param cause   the underlying failure, logged by the kernel
     */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
