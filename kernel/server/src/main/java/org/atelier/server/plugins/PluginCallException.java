package org.atelier.server.plugins;

/**
 * A call into a plugin that failed or timed out. Its message is safe to show to users: it is
 * either the plugin's own {@link org.atelier.plugin.api.PluginException} message or a generic one.
 */
public final class PluginCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How the call went wrong. */
    public enum Kind {
        /** The plugin threw. */
        FAILED,
        /** The plugin did not answer in time. */
        TIMEOUT
    }

    private final Kind kind;
    private final String call;

    /**
     * Creates the exception.
     *
     * @param call    which call
     * @param kind    how it went wrong
     * @param message a user-safe message
     * @param cause   the underlying failure
     */
    public PluginCallException(String call, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.call = call;
        this.kind = kind;
    }

    /**
     * How the call went wrong.
     *
     * @return failed or timed out
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Which call it was.
     *
     * @return the call's description
     */
    public String call() {
        return call;
    }
}
