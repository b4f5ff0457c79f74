package org.atelier.server.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.JsonBody;
import org.atelier.server.http.Router;
import org.atelier.server.media.MediaLimits;
import org.atelier.server.media.MediaSettings;
import org.atelier.server.posts.Posts;

/**
 * The site settings admins change while the instance runs: the active theme (the bundled one or
 * any installed under {@code <data>/themes}), whether alt text is required on every image, and
 * the upload limits (largest file, most megapixels, most animation frames).
 * A page at {@code /admin/site} and the JSON at {@code /api/v1/admin/settings/site}.
 */
public final class SiteSettingsPages {
    private final Themes themes;
    private final Posts posts;
    private final MediaSettings media;
    private final PageRenderer pages;

    /**
     * Creates the pages.
     *
     * @param themes the installed themes
     * @param posts  the post service (alt text requirement)
     * @param media  the upload limits
     * @param pages  the renderer
     */
    public SiteSettingsPages(Themes themes, Posts posts, MediaSettings media, PageRenderer pages) {
        this.themes = themes;
        this.posts = posts;
        this.media = media;
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
                Optional<Long> megabytes = number(form.get("maxMegabytes"));
                Optional<Long> megapixels = number(form.get("maxMegapixels"));
                Optional<Long> frames = number(form.get("maxFrames"));
                checkLimits(megabytes, megapixels, frames);
                themes.activate(form.getOrDefault("theme", ""));
                limits(megabytes, megapixels, frames);
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
            Optional<Long> megabytes = body.number("maxUploadMegabytes");
            Optional<Long> megapixels = body.number("maxMegapixels");
            Optional<Long> frames = body.number("maxFrames");
            // checked before anything is written, so a refused change changes nothing
            theme.filter(name -> !themes.available().contains(name)).ifPresent(themes::activate);
            checkLimits(megabytes, megapixels, frames);
            theme.ifPresent(themes::activate);
            limits(megabytes, megapixels, frames);
            altTextRequired.ifPresent(posts::setAltTextRequired);
            x.json(200, view());
        });
    }

    private void checkLimits(Optional<Long> megabytes, Optional<Long> megapixels, Optional<Long> frames) {
        try {
            media.check(megabytes, megapixels, frames);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
    }

    private void limits(Optional<Long> megabytes, Optional<Long> megapixels, Optional<Long> frames) {
        checkLimits(megabytes, megapixels, frames);
        media.set(megabytes, megapixels, frames);
    }

    private static Optional<Long> number(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new HttpError(400, "\"" + text.strip() + "\" is not a whole number.");
        }
    }

    private Map<String, Object> view() {
        MediaLimits limits = media.get();
        Map<String, Object> v = new HashMap<>();
        v.put("theme", themes.activeName());
        v.put("themes", themes.available());
        v.put("altTextRequired", posts.altTextRequired());
        v.put("maxUploadMegabytes", limits.maxBytes() / (1024 * 1024));
        v.put("maxMegapixels", limits.maxPixels() / 1_000_000);
        v.put("maxFrames", limits.maxFrames());
        return v;
    }

    private void page(Exchange x, int status, Map<String, Object> messages) {
        Map<String, Object> model = new HashMap<>(messages);
        String active = themes.activeName();
        model.put("themes", themes.available().stream().map(t -> Map.of("name", t, "selected", t.equals(active)))
                .toList());
        model.putAll(view());
        model.put("themes", themes.available().stream().map(t -> Map.of("name", t, "selected", t.equals(active)))
                .toList());
        x.send(status, "text/html; charset=UTF-8", pages.render(x, "Site settings", "admin-site", model));
    }
}
