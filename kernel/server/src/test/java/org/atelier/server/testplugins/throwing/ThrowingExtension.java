package org.atelier.server.testplugins.throwing;

import java.util.List;
import java.util.Map;
import org.atelier.plugin.api.PluginException;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.Route;
import org.atelier.plugin.api.web.WebExtension;
import org.atelier.plugin.api.web.WebResponse;

/**
 * Routes that fail: with an internal error, a message for users, an {@link Error}, or with an
 * answer the kernel cannot render (none, a missing or broken template, a value that is not JSON).
 */
public final class ThrowingExtension implements WebExtension {
    /** Internal detail that must never reach a client. */
    public static final String SECRET = "internal detail 7f3a: db password hunter2";
    /** A message meant for users. */
    public static final String FOR_USERS = "The gallery of the day is resting, come back tomorrow.";

    @Override
    public String id() {
        return "throwing";
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/x-throw/boom", Access.PUBLIC, r -> {
                    throw new IllegalStateException(SECRET);
                }),
                Route.get("/x-throw/sorry", Access.PUBLIC, r -> {
                    throw new PluginException(FOR_USERS, new IllegalArgumentException(SECRET));
                }),
                Route.get("/x-throw/error", Access.PUBLIC, r -> {
                    throw new LinkageError(SECRET);
                }),
                Route.get("/x-throw/null", Access.PUBLIC, r -> null),
                Route.get("/x-throw/no-template", Access.PUBLIC,
                        r -> WebResponse.page("No template", "missing", Map.of())),
                Route.get("/x-throw/bad-template", Access.PUBLIC,
                        r -> WebResponse.page("Bad template", "broken", Map.of())),
                Route.get("/x-throw/bad-json", Access.PUBLIC, r -> WebResponse.json(new Object())),
                Route.get("/x-throw/ok", Access.PUBLIC, r -> WebResponse.text(200, "throwing plugin is fine here")));
    }

    @Override
    public Map<String, String> templates(String theme) {
        return Map.of("broken", "<p>{{#unclosed}} never closed</p>");
    }
}
