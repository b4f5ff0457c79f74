package org.atelier.server.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.JsonBody;
import org.atelier.server.http.Router;
import org.atelier.server.posts.Posts;

/**
 * The site settings admins change while the instance runs: the active theme (the bundled one or
 * any installed under {@code <data>/themes}) and whether alt text is required on every image.
 * A page at {@code /admin/site} and the JSON at {@code /api/v1/admin/settings/site}.
 */
public final class SiteSettingsPages {
    private final Themes themes;
    private final Posts posts;
    private final PageRenderer pages;

    /**
     * Creates the pages.
     *
     * @param themes the installed themes
     * @param posts  the post service (alt text requirement)
     * @param pages  the renderer
     */
    public SiteSettingsPages(Themes themes, Posts posts, PageRenderer pages) {
        this.themes = themes;
        this.posts = posts;
        this.pages = pages;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/admin/site", x -> {
            x.requireAdmin();
            page(x, 200, Map.of());
        });
        router.post("/admin/site", x -> {
            x.requireAdmin();
            Map<String, String> form = x.form();
            try {
                themes.activate(form.getOrDefault("theme", ""));
                posts.setAltTextRequired(form.containsKey("altTextRequired"));
                page(x, 200, Map.of("message", "Saved."));
            } catch (HttpError e) {
                page(x, e.status(), Map.of("error", e.getMessage()));
            }
        });
        router.get("/api/v1/admin/settings/site", x -> {
            x.requireAdmin();
            x.json(200, view());
        });
        router.put("/api/v1/admin/settings/site", x -> {
            x.requireAdmin();
            JsonBody body = JsonBody.of(x);
            Optional<String> theme = body.string("theme");
            Optional<Boolean> altTextRequired = body.bool("altTextRequired");
            // the theme is checked before anything is written, so a refused one changes nothing
            theme.ifPresent(themes::activate);
            altTextRequired.ifPresent(posts::setAltTextRequired);
            x.json(200, view());
        });
    }

    private Map<String, Object> view() {
        return Map.of("theme", themes.activeName(), "themes", themes.available(),
                "altTextRequired", posts.altTextRequired());
    }

    private void page(Exchange x, int status, Map<String, Object> messages) {
        Map<String, Object> model = new HashMap<>(messages);
        String active = themes.activeName();
        model.put("themes", themes.available().stream().map(t -> Map.of("name", t, "selected", t.equals(active)))
                .toList());
        model.put("altTextRequired", posts.altTextRequired());
        x.send(status, "text/html; charset=UTF-8", pages.render(x, "Site settings", "admin-site", model));
    }
}
