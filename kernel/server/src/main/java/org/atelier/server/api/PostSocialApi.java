package org.atelier.server.api;

import java.util.Map;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.JsonBody;
import org.atelier.server.http.Router;
import org.atelier.server.social.Comments;
import org.atelier.server.social.Reaction;
import org.atelier.server.social.Reactions;
import org.atelier.server.store.Cursor;

/**
 * What people do to posts, over JSON.
 *
 * <ul>
 * <li>{@code POST|DELETE /api/v1/posts/{id}/like} — {@code {"liked": bool, "likes": n}};
 * <li>{@code POST|DELETE /api/v1/posts/{id}/repost} — {@code {"reposted": bool, "reposts": n}}
 * (followers-only posts: 403);
 * <li>{@code GET /api/v1/posts/{id}/likes} — who liked it, newest first ({@code before}, {@code limit});
 * <li>{@code POST /api/v1/posts/{id}/comments} {@code {"body": markdown, "inReplyTo": commentId?}} — 201
 * with the comment;
 * <li>{@code GET /api/v1/posts/{id}/comments} — a page of the thread ({@code after}, {@code limit} top-level
 * comments), flat in reading order with parent ids and depths;
 * <li>{@code DELETE /api/v1/comments/{id}} — 204.
 * </ul>
 */
public final class PostSocialApi {
    private final Reactions reactions;
    private final Comments comments;

    /**
     * Creates the API.
     *
     * @param reactions likes and reposts
     * @param comments  comments
     */
    public PostSocialApi(Reactions reactions, Comments comments) {
        this.reactions = reactions;
        this.comments = comments;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.post("/api/v1/posts/{id}/like", x ->
                x.json(200, liked(reactions.like(x.requireViewer(), x.pathParam("id")))));
        router.delete("/api/v1/posts/{id}/like", x ->
                x.json(200, liked(reactions.unlike(x.requireViewer(), x.pathParam("id")))));
        router.post("/api/v1/posts/{id}/repost", x ->
                x.json(200, reposted(reactions.repost(x.requireViewer(), x.pathParam("id")))));
        router.delete("/api/v1/posts/{id}/repost", x ->
                x.json(200, reposted(reactions.unrepost(x.requireViewer(), x.pathParam("id")))));
        router.get("/api/v1/posts/{id}/likes", x -> x.json(200, SocialJson.accounts(
                reactions.likes(x.viewer(), x.pathParam("id"), Cursor.before(x), PostsApi.limit(x)))));
        router.post("/api/v1/posts/{id}/comments", x -> {
            Viewer viewer = x.requireViewer();
            JsonBody body = JsonBody.of(x);
            String text = body.string("body").orElseThrow(() -> new HttpError(400, "Give the comment as \"body\"."));
            x.json(201, SocialJson.comment(comments.create(viewer, x.pathParam("id"), text, body.string("inReplyTo"))));
        });
        router.get("/api/v1/posts/{id}/comments", x -> x.json(200, SocialJson.thread(comments.thread(x.viewer(),
                x.pathParam("id"), Cursor.parse(x.request().query().first("after").asOptional()), PostsApi.limit(x)))));
        router.delete("/api/v1/comments/{id}", x -> SocialApi.noContent(x, v -> comments.delete(v, x.pathParam("id"))));
    }

    private static Map<String, Object> liked(Reaction r) {
        return Map.of("liked", r.active(), "likes", r.count());
    }

    private static Map<String, Object> reposted(Reaction r) {
        return Map.of("reposted", r.active(), "reposts", r.count());
    }
}
