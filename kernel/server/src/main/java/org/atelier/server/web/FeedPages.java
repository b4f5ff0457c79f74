package org.atelier.server.web;

import io.helidon.http.HeaderNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.feeds.ExploreSort;
import org.atelier.server.feeds.Feeds;
import org.atelier.server.feeds.HomeEntry;
import org.atelier.server.feeds.HomePage;
import org.atelier.server.feeds.Search;
import org.atelier.server.feeds.TagFollows;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Router;
import org.atelier.server.posts.Posts;
import org.atelier.server.store.Cursor;

/**
 * The feeds in the browser: the home page (the signed-in viewer's feed, or recent public work
 * for visitors), explore (recent and popular), tag pages with follow/unfollow, and search
 * (people, tags, post titles). Every list pages with a "Load more" link that the theme's script
 * turns into infinite scroll.
 */
public final class FeedPages {
    private static final int PAGE = 24;

    private final Feeds feeds;
    private final TagFollows tagFollows;
    private final Search search;
    private final Accounts accounts;
    private final PageRenderer pages;

    /**
     * Creates the pages.
     *
     * @param feeds      the feeds
     * @param tagFollows followed tags
     * @param search     search
     * @param accounts   accounts (first-run notice)
     * @param pages      the renderer
     */
    public FeedPages(Feeds feeds, TagFollows tagFollows, Search search, Accounts accounts, PageRenderer pages) {
        this.feeds = feeds;
        this.tagFollows = tagFollows;
        this.search = search;
        this.accounts = accounts;
        this.pages = pages;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/", x -> {
            Map<String, Object> model = new HashMap<>();
            model.put("needsSetup", accounts.needsSetup());
            Optional<String> before = x.request().query().first("before").asOptional();
            if (x.viewer().isPresent()) {
                HomePage home = feeds.home(x.viewer().get(), Cursor.parse(before), PAGE);
                List<Map<String, Object>> cards = new ArrayList<>();
                for (HomeEntry entry : home.entries()) {
                    Map<String, Object> card = PostViews.card(entry.post());
                    entry.repostedBy().ifPresent(r -> card.put("repostedBy", Map.of("username", r.username(),
                            "displayName", r.displayName())));
                    cards.add(card);
                }
                model.put("posts", cards);
                model.put("empty", cards.isEmpty() && before.isEmpty());
                model.put("next", home.next().map(t -> "/?before=" + t).orElse(""));
                model.put("followedTags", tagFollows.followed(x.viewer().get()).stream()
                        .map(t -> Map.of("name", t.tag(), "path", tagPath(t.tag()))).toList());
            } else {
                Posts.Page page = feeds.explore(Optional.empty(), ExploreSort.RECENT, before, PAGE);
                model.put("posts", PostViews.cards(page.items()));
                model.put("next", PostViews.nextLink("/", page));
            }
            pages.send(x, "Home", "home", model);
        });
        router.get("/explore", x -> {
            String sortKey = x.request().query().first("sort").orElse(ExploreSort.RECENT.key());
            ExploreSort sort = ExploreSort.of(sortKey).orElseThrow(() -> new HttpError(400, "sort is recent or popular."));
            Posts.Page page = feeds.explore(x.viewer(), sort, x.request().query().first("before").asOptional(), PAGE);
            pages.send(x, "Explore", "explore", Map.of("posts", PostViews.cards(page.items()),
                    "empty", page.items().isEmpty(), "popular", sort == ExploreSort.POPULAR,
                    "recent", sort == ExploreSort.RECENT, "next", PostViews.nextLink("/explore?sort=" + sort.key(), page)));
        });
        router.get("/tags/{tag}", x -> {
            String tag = TagFollows.key(x.pathParam("tag"));
            Posts.Page page = feeds.tag(x.viewer(), tag, Cursor.before(x),
                    PAGE);
            Map<String, Object> model = new HashMap<>();
            model.put("tag", tag);
            model.put("path", tagPath(tag));
            model.put("following", x.viewer().map(v -> tagFollows.follows(v, tag)).orElse(false));
            model.put("posts", PostViews.cards(page.items()));
            model.put("empty", page.items().isEmpty());
            model.put("next", PostViews.nextLink(tagPath(tag), page));
            x.response().header(HeaderNames.CACHE_CONTROL, "private, no-cache");
            pages.send(x, "#" + tag, "tag", model);
        });
        router.post("/tags/{tag}/follow", x -> {
            Viewer viewer = x.requireViewer();
            String tag = "undo".equals(x.form().get("do")) ? tagFollows.unfollow(viewer, x.pathParam("tag"))
                    : tagFollows.follow(viewer, x.pathParam("tag"));
            x.seeOther(tagPath(tag));
        });
        router.get("/search", x -> {
            String q = x.request().query().first("q").orElse("").strip();
            String type = x.request().query().first("type").orElse("posts");
            Optional<String> before = x.request().query().first("before").asOptional();
            Map<String, Object> model = new HashMap<>();
            model.put("q", q);
            model.put("peopleTab", type.equals("people"));
            model.put("tagsTab", type.equals("tags"));
            model.put("postsTab", !type.equals("people") && !type.equals("tags"));
            String base = "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&type=";
            model.put("base", base);
            if (!q.isEmpty()) {
                switch (type) {
                    case "people" -> {
                        var found = search.people(x.viewer(), q, before, PAGE);
                        model.put("people", found.items().stream().map(p -> Map.of("username", p.username(),
                                "displayName", p.displayName())).toList());
                        model.put("results", !found.items().isEmpty());
                        model.put("next", found.next().map(t -> base + "people&before=" + t).orElse(""));
                    }
                    case "tags" -> {
                        var found = search.tags(q, before, PAGE);
                        model.put("tagResults", found.items().stream().map(t -> Map.of("name", t.name(), "posts", t.posts(),
                                "path", tagPath(t.name()))).toList());
                        model.put("results", !found.items().isEmpty());
                        model.put("next", found.next().map(t -> base + "tags&before=" + t).orElse(""));
                    }
                    default -> {
                        Posts.Page found = search.posts(x.viewer(), q, Cursor.parse(before), PAGE);
                        model.put("posts", PostViews.cards(found.items()));
                        model.put("results", !found.items().isEmpty());
                        model.put("postsNext", PostViews.nextLink(base + "posts", found));
                    }
                }
            }
            pages.send(x, q.isEmpty() ? "Search" : "Search: " + q, "search", model);
        });
    }

    private static String tagPath(String tag) {
        return "/tags/" + URLEncoder.encode(tag, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
