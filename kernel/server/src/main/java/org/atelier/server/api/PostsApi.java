package org.atelier.server.api;

import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.JsonBody;
import org.atelier.server.http.Router;
import org.atelier.server.posts.PostChanges;
import org.atelier.server.posts.Posts;
import org.atelier.server.store.Cursor;

/**
 * Posts over JSON: {@code POST /api/v1/posts} (with {@code "draft": true} to keep it a draft),
 * {@code GET|PATCH|DELETE /api/v1/posts/{id}} (PATCH with {@code "publish": true} publishes a
 * draft), an artist's {@code /api/v1/accounts/{username}/portfolio} and {@code …/posts}, and the
 * viewer's {@code /api/v1/drafts}. Lists take {@code before} (the previous page's {@code next})
 * and {@code limit}.
 */
public final class PostsApi {
    private static final int DEFAULT_PAGE = 24;

    private final Posts posts;
    private final Accounts accounts;

    /**
     * Creates the API.
     *
     * @param posts    the post service
     * @param accounts the account service
     */
    public PostsApi(Posts posts, Accounts accounts) {
        this.posts = posts;
        this.accounts = accounts;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.post("/api/v1/posts", x -> {
            Viewer viewer = x.requireViewer();
            JsonBody body = JsonBody.of(x);
            boolean draft = body.bool("draft").orElse(false);
            x.json(201, PostJson.view(posts.create(viewer, changes(body), !draft)));
        });
        router.get("/api/v1/posts/{id}", x -> x.json(200, PostJson.view(posts.find(x.viewer(), x.pathParam("id")))));
        router.patch("/api/v1/posts/{id}", x -> {
            Viewer viewer = x.requireViewer();
            JsonBody body = JsonBody.of(x);
            x.json(200, PostJson.view(posts.update(viewer, x.pathParam("id"), changes(body),
                    body.bool("publish").orElse(false))));
        });
        router.delete("/api/v1/posts/{id}", x -> {
            posts.delete(x.requireViewer(), x.pathParam("id"));
            x.response().status(204);
            x.response().send();
        });
        router.get("/api/v1/accounts/{username}/portfolio", x -> x.json(200, PostJson.page(
                posts.portfolio(x.viewer(), artist(accounts, x).id(), Cursor.before(x), limit(x)))));
        router.get("/api/v1/accounts/{username}/posts", x -> x.json(200, PostJson.page(
                posts.otherPosts(x.viewer(), artist(accounts, x).id(), Cursor.before(x), limit(x)))));
        router.get("/api/v1/admin/settings/posts", x -> {
            x.requireAdmin();
            x.json(200, java.util.Map.of("altTextRequired", posts.altTextRequired()));
        });
        router.put("/api/v1/admin/settings/posts", x -> {
            x.requireAdmin();
            posts.setAltTextRequired(JsonBody.of(x).bool("altTextRequired")
                    .orElseThrow(() -> new HttpError(400, "Give altTextRequired: true or false.")));
            x.json(200, java.util.Map.of("altTextRequired", posts.altTextRequired()));
        });
        router.get("/api/v1/drafts", x -> x.json(200, PostJson.page(posts.drafts(x.requireViewer(), Cursor.before(x), limit(x)))));
    }

    /**
     * Reads a post's fields from a JSON body.
     *
     * @param body the body
     * @return the changes it asks for
     */
    static PostChanges changes(JsonBody body) {
        return new PostChanges(body.string("title"), body.string("description"), body.strings("tags", 100),
                body.strings("media", 100), body.strings("embeds", 100), body.bool("sensitive"),
                body.string("contentWarning"), body.string("licence"), body.string("visibility"),
                body.bool("noAiTraining"), body.bool("inPortfolio"), body.bool("pinned"));
    }

    /**
     * The active local account named in the path's {@code username}.
     *
     * @param accounts the account service
     * @param x        the exchange
     * @return the account
     * @throws HttpError 404 when there is no such active artist
     */
    static Account artist(Accounts accounts, Exchange x) {
        return accounts.activeArtist(x.pathParam("username"));
    }

    /**
     * The {@code before} parameter.
     *
     * @param x the exchange
     * @return the cursor
     */
    public static Cursor cursor(Exchange x) {
        return Cursor.before(x);
    }

    /**
     * The {@code limit} parameter.
     *
     * @param x the exchange
     * @return the page size asked for, or the default
     */
    public static int limit(Exchange x) {
        Optional<String> value = x.request().query().first("limit").asOptional();
        if (value.isEmpty()) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit >= 1 && limit <= Posts.MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new HttpError(400, "limit must be a number from 1 to " + Posts.MAX_PAGE + ".");
    }
}
