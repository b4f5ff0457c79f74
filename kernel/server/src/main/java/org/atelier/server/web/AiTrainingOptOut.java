package org.atelier.server.web;

import io.helidon.http.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.atelier.server.http.Router;

/**
 * The machine-readable "no AI training" signals every Atelier instance gives (DESIGN.md §1
 * "Web"): a {@code robots.txt} that names the known AI crawlers, the W3C TDMRep file
 * {@code /.well-known/tdmrep.json} reserving text-and-data-mining rights for the whole site, and
 * (set by the kernel's response filter) the {@code tdm-reservation} and {@code X-Robots-Tag}
 * headers on every response. Pages add the {@code noai, noimageai} robots meta in the layout.
 */
public final class AiTrainingOptOut {
    /** The TDMRep header every response carries: rights reserved. */
    public static final String TDM_HEADER = "tdm-reservation";

    /**
     * Crawlers that collect training data for generative AI, by their published user-agent tokens.
     * Search engines' ordinary crawlers are not listed: artists want to be found.
     */
    static final List<String> AI_CRAWLERS = List.of("GPTBot", "ChatGPT-User", "OAI-SearchBot", "Google-Extended",
            "GoogleOther", "CCBot", "anthropic-ai", "ClaudeBot", "Claude-Web", "PerplexityBot", "Bytespider",
            "Amazonbot", "Applebot-Extended", "FacebookBot", "Meta-ExternalAgent", "cohere-ai", "Diffbot",
            "ImagesiftBot", "Omgilibot", "YouBot", "img2dataset", "Timpibot", "AI2Bot", "Ai2Bot-Dolma",
            "Scrapy", "PetalBot");

    private AiTrainingOptOut() {
    }

    /**
     * Registers {@code /robots.txt} and {@code /.well-known/tdmrep.json}.
     *
     * @param router the router
     */
    public static void routes(Router router) {
        byte[] robots = robotsTxt().getBytes(StandardCharsets.UTF_8);
        byte[] tdmrep = "[{\"location\": \"/*\", \"tdm-reservation\": 1}]\n".getBytes(StandardCharsets.UTF_8);
        router.get("/robots.txt", x -> {
            x.response().header(HeaderNames.CACHE_CONTROL, "public, max-age=86400");
            x.send(200, "text/plain; charset=UTF-8", robots);
        });
        router.get("/.well-known/tdmrep.json", x -> {
            x.response().header(HeaderNames.CACHE_CONTROL, "public, max-age=86400");
            x.send(200, "application/json", tdmrep);
        });
    }

    static String robotsTxt() {
        StringBuilder text = new StringBuilder("# The work on this instance is not offered for AI training.\n"
                + "# Text and data mining rights are reserved (TDMRep: /.well-known/tdmrep.json).\n\n");
        for (String crawler : AI_CRAWLERS) {
            text.append("User-agent: ").append(crawler).append('\n');
        }
        text.append("Disallow: /\n\n");
        text.append("User-agent: *\nDisallow: /api/\nDisallow: /settings/\nDisallow: /admin\nAllow: /\n");
        return text.toString();
    }
}
