package org.atelier.server.browser.plugin;

import java.util.List;
import java.util.Map;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.NavEntry;
import org.atelier.plugin.api.web.Route;
import org.atelier.plugin.api.web.WebExtension;
import org.atelier.plugin.api.web.WebResponse;

/**
 * A public page at {@code /browser-test} with a navigation entry, so that a test can see an
 * uploaded plugin take effect in the site and vanish again.
 */
public final class BrowserTestExtension implements WebExtension {
    /** The page's path. */
    public static final String PATH = "/browser-test";
    /** The navigation label. */
    public static final String NAV_LABEL = "Browser test";
    /** The page's heading. */
    public static final String HEADING = "Hello from an uploaded plugin";

    @Override
    public String id() {
        return "browsertest";
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get(PATH, Access.PUBLIC,
                request -> WebResponse.page("Browser test", "browser-test", Map.of("heading", HEADING))));
    }

    @Override
    public List<NavEntry> navigation() {
        return List.of(new NavEntry(NAV_LABEL, PATH, Access.PUBLIC, 60));
    }

    @Override
    public Map<String, String> templates(String theme) {
        return Map.of("browser-test", "<section class=\"page\"><h1 id=\"browser-test-heading\">{{heading}}</h1></section>");
    }
}
