package org.atelier.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.store.Cursor;
import org.atelier.server.feeds.ExploreSort;
import org.atelier.server.feeds.FeedDao;
import org.atelier.server.feeds.Feeds;
import org.atelier.server.feeds.HomeEntry;
import org.atelier.server.feeds.HomePage;
import org.atelier.server.feeds.Search;
import org.atelier.server.feeds.SearchDao;
import org.atelier.server.feeds.SearchPage;
import org.atelier.server.feeds.TagFollows;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Router;

/**
 * Feeds, tags and search over JSON:
 * {@code GET /api/v1/feeds/home} (signed in), {@code GET /api/v1/feeds/explore?sort=recent|popular},
 * {@code GET /api/v1/tags/{tag}} (a tag page), {@code POST|DELETE /api/v1/tags/{tag}/follow},
 * {@code GET /api/v1/tags/followed}, and {@code GET /api/v1/search?q=&type=people|tags|posts}.
 * Lists take {@code before} (the previous page's {@code next}) and {@code limit}.
 *
 * <p>{@code /api/v1/tags/followed} takes the path of a tag called "followed"; that tag's page is
 * {@code /api/v1/tags/%23followed}.
 */
public final class FeedsApi {
    private final Feeds feeds;
    private final TagFollows tagFollows;
    private final Search search;

    /**
     * Creates the API.
     *
     * @param feeds      the feeds
     * @param tagFollows followed tags
     * @param search     search
     */
    public FeedsApi(Feeds feeds, TagFollows tagFollows, Search search) {
        this.feeds = feeds;
        this.tagFollows = tagFollows;
        this.search = search;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/api/v1/feeds/home", x -> x.json(200, home(feeds.home(x.requireViewer(), Cursor.before(x),
                PostsApi.limit(x)))));
        router.get("/api/v1/feeds/explore", x -> {
            String sort = param(x, "sort").orElse(ExploreSort.RECENT.key());
            ExploreSort order = ExploreSort.of(sort)
                    .orElseThrow(() -> new HttpError(400, "sort is recent or popular."));
            x.json(200, PostJson.page(feeds.explore(x.viewer(), order, param(x, "before"), PostsApi.limit(x))));
        });
        router.get("/api/v1/tags/followed", x -> x.json(200, Map.of("items",
                tagFollows.followed(x.requireViewer()).stream().map(FeedsApi::followedTag).toList())));
        router.get("/api/v1/tags/{tag}", x -> {
            String tag = TagFollows.key(x.pathParam("tag"));
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("tag", tag);
            v.put("following", x.viewer().map(viewer -> tagFollows.follows(viewer, tag)).orElse(false));
            v.putAll(PostJson.page(feeds.tag(x.viewer(), tag, Cursor.before(x), PostsApi.limit(x))));
            x.json(200, v);
        });
        router.post("/api/v1/tags/{tag}/follow", x -> x.json(200, following(
                tagFollows.follow(x.requireViewer(), x.pathParam("tag")), true)));
        router.delete("/api/v1/tags/{tag}/follow", x -> x.json(200, following(
                tagFollows.unfollow(x.requireViewer(), x.pathParam("tag")), false)));
        router.get("/api/v1/search", x -> {
            String q = param(x, "q").orElse("");
            String type = param(x, "type").orElse("");
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("type", type);
            switch (type) {
                case "people" -> v.putAll(page(search.people(x.viewer(), q, param(x, "before"), PostsApi.limit(x)),
                        p -> Map.of("username", p.username(), "displayName", p.displayName(),
                                "url", "/@" + p.username())));
                case "tags" -> v.putAll(page(search.tags(q, param(x, "before"), PostsApi.limit(x)),
                        t -> Map.of("tag", t.name(), "url", tagUrl(t.name()), "posts", t.posts())));
                case "posts" -> v.putAll(PostJson.page(search.posts(x.viewer(), q, Cursor.before(x), PostsApi.limit(x))));
                default -> throw new HttpError(400, "type is people, tags or posts.");
            }
            x.json(200, v);
        });
    }

    /**
     * A home page as JSON: {@code {"items": [post…], "next": token-or-null, "rankedBy": id}}, each
     * post as {@link PostJson#view} with {@code "repostedBy": {"username", "displayName", "at"}}
     * or null.
     *
     * @param page the page
     * @return a JSON-ready map
     */
    public static Map<String, Object> home(HomePage page) {
        List<Object> items = page.entries().stream().map(FeedsApi::entry).toList();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("items", items);
        v.put("next", page.next().orElse(null));
        v.put("rankedBy", page.rankedBy());
        return v;
    }

    private static Object entry(HomeEntry entry) {
        return PostJson.written(entry.post(), "repostedBy", entry.repostedBy().map(r -> Map.<String, Object>of(
                "username", r.username(), "displayName", r.displayName(), "at", r.at())).orElse(null));
    }

    private static <T> Map<String, Object> page(SearchPage<T> page, java.util.function.Function<T, Object> view) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("items", page.items().stream().map(view).toList());
        v.put("next", page.next().orElse(null));
        return v;
    }

    private static Map<String, Object> followedTag(FeedDao.FollowedTag tag) {
        return Map.of("tag", tag.tag(), "url", tagUrl(tag.tag()), "followedAt", tag.createdAt());
    }

    /** The site-relative URL of a tag's page. */
    private static String tagUrl(String tag) {
        return "/tags/" + java.net.URLEncoder.encode(tag, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, Object> following(String tag, boolean following) {
        return Map.of("tag", tag, "following", following);
    }

    private static Optional<String> param(Exchange x, String name) {
        return x.request().query().first(name).asOptional();
    }
}
