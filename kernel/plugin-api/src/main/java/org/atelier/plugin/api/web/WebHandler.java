package org.atelier.plugin.api.web;

/**
 * Answers requests to a {@link Route}.
 */
@FunctionalInterface
public interface WebHandler {

    /**
     * Handles one request. Throw {@link org.atelier.plugin.api.PluginException} for an error to
     * show to the user; anything else thrown becomes a generic error for this feature only.
     *
     * @param request the request, already authorised and CSRF-checked by the kernel
     * @return the response
     */
    WebResponse handle(WebRequest request);
}
