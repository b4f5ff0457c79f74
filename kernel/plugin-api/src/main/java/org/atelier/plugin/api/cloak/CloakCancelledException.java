package org.atelier.plugin.api.cloak;

/**
 * Thrown by a cloak that stopped because it was asked to; the kernel records the job as cancelled
 * rather than failed.
 */
public class CloakCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CloakCancelledException() {
        super("cloaking was cancelled");
    }
}
