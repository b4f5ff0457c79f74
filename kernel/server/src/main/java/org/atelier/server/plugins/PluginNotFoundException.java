package org.atelier.server.plugins;

/**
 * No plugin of that name is installed.
 */
public final class PluginNotFoundException extends RuntimeException implements org.atelier.server.ClientError {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param symbolicName the name asked for
     */
    public PluginNotFoundException(String symbolicName) {
        super("no plugin named " + symbolicName + " is installed");
    }

    @Override
    public int status() {
        return 404;
    }
}
