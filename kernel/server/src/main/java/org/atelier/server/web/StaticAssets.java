package org.atelier.server.web;

import io.helidon.http.HeaderNames;
import java.util.Map;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Router;

/**
 * Serves {@code /static/*} from the active theme's {@code static/} folder, with a content type
 * from a short allow-list (anything else is sent as an opaque download type, never as HTML).
 */
public final class StaticAssets {
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "jpg", "image/jpeg",
            "webp", "image/webp",
            "woff2", "font/woff2",
            "ico", "image/x-icon");

    private final PageRenderer pages;

    /**
     * Creates the asset routes.
     *
     * @param pages gives the active theme
     */
    public StaticAssets(PageRenderer pages) {
        this.pages = pages;
    }

    /**
     * Registers the route.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/static/{+path}", x -> {
            String path = x.pathParam("path");
            byte[] asset = pages.theme().asset(path).orElseThrow(() -> new HttpError(404, "No such file."));
            x.response().header(HeaderNames.CACHE_CONTROL, "public, max-age=3600");
            x.send(200, contentType(path), asset);
        });
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream"
                : TYPES.getOrDefault(path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT), "application/octet-stream");
    }
}
