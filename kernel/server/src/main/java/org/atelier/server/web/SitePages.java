package org.atelier.server.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.plugin.api.embed.Embed;
import org.atelier.server.embeds.EmbedResult;
import org.atelier.server.embeds.Embeds;
import org.atelier.server.http.Router;

/**
 * The embed preview.
 */
public final class SitePages {
    private final Embeds embeds;
    private final PageRenderer pages;

    /**
     * Creates the pages.
     *
     * @param embeds   the embed service
     * @param pages    the renderer
     */
    public SitePages(Embeds embeds, PageRenderer pages) {
        this.embeds = embeds;
        this.pages = pages;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/embeds/preview", x -> {
            String text = x.request().query().first("url").orElse("");
            pages.send(x, "Embed preview", "embed-preview", Map.of("url", text, "items", items(embeds.resolve(text.lines().toList()))));
        });
    }

    /**
     * The view model of resolved links, shared with the API.
     *
     * @param results the resolved links
     * @return one map per link
     */
    static List<Map<String, Object>> items(List<EmbedResult> results) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (EmbedResult result : results) {
            Map<String, Object> item = new HashMap<>();
            item.put("url", result.link());
            item.put("isLink", result.isLink());
            item.put("isEmbed", result.embed().isPresent());
            if (result.embed().isPresent()) {
                Embed embed = result.embed().get();
                item.put("provider", embed.provider());
                item.put("iframeSrc", embed.iframeSrc().toString());
                item.put("canonical", embed.canonical().toString());
                item.put("title", embed.title().orElse(""));
                item.put("aspectPercent", embed.aspect().heightPercent());
                item.put("aspectClass", aspectClass(embed.aspect()));
            }
            items.add(item);
        }
        return items;
    }

    /**
     * The CSS class for an embed's shape: the policy forbids inline styles, so the theme has a
     * class per common ratio and falls back to 16:9.
     */
    private static String aspectClass(org.atelier.plugin.api.embed.AspectRatio aspect) {
        int divisor = java.math.BigInteger.valueOf(aspect.width()).gcd(java.math.BigInteger.valueOf(aspect.height())).intValue();
        String ratio = (aspect.width() / divisor) + "x" + (aspect.height() / divisor);
        return switch (ratio) {
            case "4x3", "3x2", "1x1", "9x16", "21x9" -> "ratio-" + ratio;
            default -> "ratio-16x9";
        };
    }

}
