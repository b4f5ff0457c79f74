package org.atelier.server.testplugins.hanging;

import java.util.List;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.Route;
import org.atelier.plugin.api.web.WebExtension;
import org.atelier.plugin.api.web.WebResponse;

/** {@code GET /x-hang/slow} hangs for a minute; {@code GET /x-hang/quick} answers at once. */
public final class HangingExtension implements WebExtension {
    @Override
    public String id() {
        return "hanging";
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/x-hang/slow", Access.PUBLIC, r -> {
                    Hang.forAMinute();
                    return WebResponse.text(200, "finally");
                }),
                Route.get("/x-hang/quick", Access.PUBLIC, r -> WebResponse.text(200, "quick")));
    }
}
