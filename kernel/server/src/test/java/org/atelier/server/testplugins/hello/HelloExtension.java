package org.atelier.server.testplugins.hello;

import java.util.List;
import java.util.Map;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.NavEntry;
import org.atelier.plugin.api.web.Route;
import org.atelier.plugin.api.web.WebExtension;
import org.atelier.plugin.api.web.WebResponse;

/**
 * The hello plugin in any version (each version's activator says which, so the test sees the
 * running one change on update): a page rendered in the theme's layout, a navigation entry, a
 * state-changing route and an admin-only route.
 */
public final class HelloExtension implements WebExtension {
    private final String version;

    /**
     * The extension of one version.
     *
     * @param version for example {@code v1}
     */
    public HelloExtension(String version) {
        this.version = version;
    }

    @Override
    public String id() {
        return "hello";
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/x-test/hello", Access.PUBLIC,
                        r -> WebResponse.page("Hello test", "hello", Map.of("version", version,
                                "who", r.query("who").orElse("world")))),
                Route.get("/x-test/hello/{name}", Access.PUBLIC,
                        r -> WebResponse.json(Map.of("version", version, "name", r.pathParam("name").orElse("?")))),
                Route.post("/x-test/hello/echo", Access.PUBLIC,
                        r -> WebResponse.json(Map.of("version", version, "echo", r.form("say")
                                .or(() -> r.jsonBody().map(b -> String.valueOf(b.get("say")))).orElse("")))),
                Route.get("/x-test/admin-only", Access.ADMIN,
                        r -> WebResponse.text(200, "admin area of hello " + version + " for " + r.viewer().orElseThrow().username())));
    }

    @Override
    public List<NavEntry> navigation() {
        return List.of(new NavEntry("Hello test " + version, "/x-test/hello", Access.PUBLIC, 60));
    }

    @Override
    public Map<String, String> templates(String theme) {
        return Map.of("hello", "<section class=\"hello-test\"><h1>Hello, {{who}}!</h1>"
                + "<p class=\"hello-version\">hello plugin {{version}}</p></section>");
    }
}
