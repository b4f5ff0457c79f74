package org.atelier.server.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.atelier.server.ClientError;
import org.atelier.server.plugins.PluginCallException;
import org.atelier.server.web.PageRenderer;

/**
 * Turns what handlers throw into a response: the status and message for known errors, a bare
 * 500 for anything else (logged, never shown). HTML for browsers, JSON for the API.
 */
public final class ErrorResponses {
    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());
    private final PageRenderer pages;

    /**
     * Creates the error responder.
     *
     * @param pages renders HTML error pages
     */
    public ErrorResponses(PageRenderer pages) {
        this.pages = pages;
    }

    /**
     * Answers with an error.
     *
     * @param exchange the exchange
     * @param error    what was thrown
     */
    public void send(Exchange exchange, Throwable error) {
        int status;
        String message;
        switch (error) {
            case ClientError e -> {
                status = e.status();
                message = e.getMessage();
            }
            case PluginCallException e -> {
                status = e.kind() == PluginCallException.Kind.TIMEOUT ? 504 : 502;
                message = "This feature's plugin failed: " + e.getMessage();
            }
            default -> {
                LOG.log(Level.SEVERE, "unexpected error serving " + exchange.request().path().path(), error);
                status = 500;
                message = "Something went wrong on our side.";
            }
        }
        if (exchange.response().isSent()) {
            return;
        }
        if (exchange.wantsJson()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            body.put("status", status);
            exchange.send(status, "application/json", Json.write(body));
        } else {
            exchange.send(status, "text/html; charset=UTF-8",
                    pages.render(exchange, "Error " + status, "error", Map.of("status", status, "message", message)));
        }
    }
}
