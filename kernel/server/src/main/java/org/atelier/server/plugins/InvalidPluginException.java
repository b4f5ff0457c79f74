package org.atelier.server.plugins;

/**
 * A plugin jar or operation was refused; the message says why, in words for the admin.
 */
public final class InvalidPluginException extends RuntimeException implements org.atelier.server.ClientError {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why it was refused
     */
    public InvalidPluginException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }
}
