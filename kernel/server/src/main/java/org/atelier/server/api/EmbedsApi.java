package org.atelier.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.plugin.api.embed.Embed;
import org.atelier.server.embeds.EmbedResult;
import org.atelier.server.embeds.Embeds;
import org.atelier.server.http.Router;

/**
 * {@code GET /api/v1/embeds?url=…&url=…}: what each link becomes with the plugins installed now.
 */
public final class EmbedsApi {
    private final Embeds embeds;

    /**
     * Creates the API.
     *
     * @param embeds the embed service
     */
    public EmbedsApi(Embeds embeds) {
        this.embeds = embeds;
    }

    /**
     * Registers the route.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/api/v1/embeds", x -> {
            List<String> urls = x.request().query().all("url", List::of);
            List<Map<String, Object>> out = new ArrayList<>();
            for (EmbedResult result : embeds.resolve(urls)) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("url", result.link());
                item.put("isLink", result.isLink());
                item.put("embed", result.embed().map(EmbedsApi::view).orElse(null));
                out.add(item);
            }
            x.json(200, out);
        });
    }

    private static Map<String, Object> view(Embed embed) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("provider", embed.provider());
        view.put("iframeSrc", embed.iframeSrc().toString());
        view.put("canonical", embed.canonical().toString());
        view.put("title", embed.title().orElse(null));
        view.put("thumbnail", embed.thumbnail().map(Object::toString).orElse(null));
        view.put("aspect", Map.of("width", embed.aspect().width(), "height", embed.aspect().height()));
        return view;
    }
}
