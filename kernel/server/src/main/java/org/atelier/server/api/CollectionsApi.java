package org.atelier.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.collections.AlbumChanges;
import org.atelier.server.collections.Collections;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.JsonBody;
import org.atelier.server.http.Router;
import org.atelier.server.posts.Posts;
import org.atelier.server.store.Cursor;

/**
 * Bookmarks and albums over JSON.
 *
 * <ul>
 *   <li>{@code POST|DELETE /api/v1/posts/{id}/bookmark} → {@code {"post": id, "bookmarked": bool}};
 *       {@code GET /api/v1/bookmarks} → the viewer's page of posts, newest bookmark first.</li>
 *   <li>{@code POST /api/v1/albums} {@code {title, description, visibility}} → 201 and the album;
 *       {@code GET|PATCH|DELETE /api/v1/albums/{id}} (GET, PATCH and PUT …/order answer the album with
 *       a page of its posts under {@code "posts"}; PATCH takes {@code cover}: a post id in the
 *       album, or null for the first one).</li>
 *   <li>{@code POST /api/v1/albums/{id}/posts} {@code {"post": id}} (201 when added, 200 when it was
 *       already there), {@code DELETE /api/v1/albums/{id}/posts/{postId}}, {@code PUT
 *       /api/v1/albums/{id}/order} {@code {"posts": [ids]}}.</li>
 *   <li>{@code GET /api/v1/accounts/{username}/albums} and {@code GET /api/v1/posts/{id}/albums}
 *       (the viewer's albums holding the post) → {@code {"items": [...]}}.</li>
 * </ul>
 *
 * <p>Lists take {@code before} (the previous page's {@code next}) and {@code limit}, as elsewhere.
 */
public final class CollectionsApi {
    private final Collections collections;
    private final Posts posts;
    private final Accounts accounts;

    /**
     * Creates the API.
     *
     * @param collections the bookmarks and albums service
     * @param posts       the post service (to name posts by their public ids)
     * @param accounts    the account service (to name artists by their usernames)
     */
    public CollectionsApi(Collections collections, Posts posts, Accounts accounts) {
        this.collections = collections;
        this.posts = posts;
        this.accounts = accounts;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.post("/api/v1/posts/{id}/bookmark", x -> {
            collections.bookmark(x.requireViewer(), x.pathParam("id"));
            x.json(200, bookmarkState(x, true));
        });
        router.delete("/api/v1/posts/{id}/bookmark", x -> {
            collections.unbookmark(x.requireViewer(), x.pathParam("id"));
            x.json(200, bookmarkState(x, false));
        });
        router.get("/api/v1/bookmarks", x -> x.json(200, PostJson.page(
                collections.bookmarks(x.requireViewer(), Cursor.before(x), PostsApi.limit(x)))));
        router.get("/api/v1/posts/{id}/albums", x -> {
            Viewer viewer = x.requireViewer();
            long postId = posts.visibleRecord(x.viewer(), x.pathParam("id")).id();
            x.json(200, AlbumJson.list(collections.albumsContaining(viewer, postId), x.viewer()));
        });
        router.get("/api/v1/accounts/{username}/albums", x -> x.json(200, AlbumJson.list(
                collections.albumsOf(x.viewer(), PostsApi.artist(accounts, x).id()), x.viewer())));

        router.post("/api/v1/albums", x -> {
            Viewer viewer = x.requireViewer();
            x.json(201, AlbumJson.view(collections.create(viewer, changes(JsonBody.of(x))), x.viewer()));
        });
        router.get("/api/v1/albums/{id}", x -> x.json(200, detail(x, Cursor.before(x), PostsApi.limit(x))));
        router.patch("/api/v1/albums/{id}", x -> {
            Viewer viewer = x.requireViewer();
            int limit = PostsApi.limit(x);
            collections.update(viewer, x.pathParam("id"), changes(JsonBody.of(x)));
            x.json(200, detail(x, Cursor.START, limit));
        });
        router.delete("/api/v1/albums/{id}", x -> {
            collections.delete(x.requireViewer(), x.pathParam("id"));
            noContent(x);
        });
        router.post("/api/v1/albums/{id}/posts", x -> {
            Viewer viewer = x.requireViewer();
            String post = JsonBody.of(x).string("post")
                    .orElseThrow(() -> new HttpError(400, "Name the post to add: {\"post\": \"its id\"}."));
            boolean added = collections.add(viewer, x.pathParam("id"), post);
            x.json(added ? 201 : 200, Map.of("album", x.pathParam("id"), "post", post, "added", added));
        });
        router.delete("/api/v1/albums/{id}/posts/{postId}", x -> {
            collections.remove(x.requireViewer(), x.pathParam("id"), x.pathParam("postId"));
            noContent(x);
        });
        router.put("/api/v1/albums/{id}/order", x -> {
            Viewer viewer = x.requireViewer();
            int limit = PostsApi.limit(x);
            List<String> order = JsonBody.of(x).strings("posts", Collections.MAX_ALBUM_POSTS)
                    .orElseThrow(() -> new HttpError(400, "Give the new order: {\"posts\": [ids]}."));
            collections.reorder(viewer, x.pathParam("id"), order);
            x.json(200, detail(x, Cursor.START, limit));
        });
    }

    /** The album in the path with a page of its posts, as the viewer sees it. */
    private Map<String, Object> detail(Exchange x, Cursor cursor, int limit) {
        return AlbumJson.detail(collections.album(x.viewer(), x.pathParam("id"), cursor, limit), x.viewer());
    }

    private static Map<String, Object> bookmarkState(Exchange x, boolean bookmarked) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("post", x.pathParam("id"));
        v.put("bookmarked", bookmarked);
        return v;
    }

    private static void noContent(Exchange x) {
        x.response().status(204);
        x.response().send();
    }

    /** An album's fields from a JSON body; {@code "cover": null} clears the chosen cover. */
    private static AlbumChanges changes(JsonBody body) {
        Optional<String> cover = body.string("cover");
        return new AlbumChanges(body.string("title"), body.string("description"), body.string("visibility"), cover,
                body.has("cover") && cover.isEmpty());
    }
}
