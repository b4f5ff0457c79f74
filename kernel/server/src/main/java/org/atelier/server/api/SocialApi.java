package org.atelier.server.api;

import java.util.Map;
import java.util.OptionalLong;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.store.Cursor;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.JsonBody;
import org.atelier.server.http.Router;
import org.atelier.server.social.FollowState;
import org.atelier.server.social.Notifications;
import org.atelier.server.social.Social;

/**
 * The social graph and notifications over JSON.
 *
 * <ul>
 * <li>{@code POST|DELETE /api/v1/accounts/{username}/follow} — follow ({@code {"state": "accepted"}}, or
 * {@code "pending"} for a locked account) or unfollow / withdraw the request (204);
 * <li>{@code GET /api/v1/accounts/{username}/followers}, {@code …/following} — accepted follows;
 * <li>{@code GET /api/v1/accounts/{username}/relationship} — the viewer's follows, blocks and mute with
 * that account (all false when signed out);
 * <li>{@code GET /api/v1/follow-requests}, {@code POST /api/v1/follow-requests/{username}/accept|reject};
 * <li>{@code POST|DELETE /api/v1/accounts/{username}/block}, {@code …/mute} (204), and the viewer's
 * {@code GET /api/v1/blocks}, {@code /api/v1/mutes};
 * <li>{@code GET /api/v1/notifications}, {@code GET /api/v1/notifications/unread-count},
 * {@code POST /api/v1/notifications/read} (all, or {@code {"upTo": id}}).
 * </ul>
 * Lists take {@code before} (the previous page's {@code next}) and {@code limit}.
 */
public final class SocialApi {
    private final Social social;
    private final Notifications notifications;
    private final Accounts accounts;

    /**
     * Creates the API.
     *
     * @param social        the social graph
     * @param notifications the notifications
     * @param accounts      the account service
     */
    public SocialApi(Social social, Notifications notifications, Accounts accounts) {
        this.social = social;
        this.notifications = notifications;
        this.accounts = accounts;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.post("/api/v1/accounts/{username}/follow", x -> {
            FollowState state = social.follow(x.requireViewer(), account(x));
            x.json(200, Map.of("state", state.key()));
        });
        router.delete("/api/v1/accounts/{username}/follow", x -> noContent(x, v -> social.unfollow(v, account(x))));
        router.get("/api/v1/accounts/{username}/followers", x -> x.json(200, SocialJson.accounts(
                social.followers(x.viewer(), account(x).id(), Cursor.before(x), PostsApi.limit(x)))));
        router.get("/api/v1/accounts/{username}/following", x -> x.json(200, SocialJson.accounts(
                social.following(x.viewer(), account(x).id(), Cursor.before(x), PostsApi.limit(x)))));
        router.get("/api/v1/accounts/{username}/relationship", x ->
                x.json(200, SocialJson.relationship(social.relationship(x.viewer(), account(x).id()))));
        router.get("/api/v1/follow-requests", x -> x.json(200, SocialJson.accounts(
                social.followRequests(x.requireViewer(), Cursor.before(x), PostsApi.limit(x)))));
        router.post("/api/v1/follow-requests/{username}/accept", x -> noContent(x, v -> social.acceptFollow(v, account(x))));
        router.post("/api/v1/follow-requests/{username}/reject", x -> noContent(x, v -> social.rejectFollow(v, account(x))));
        router.post("/api/v1/accounts/{username}/block", x -> noContent(x, v -> social.block(v, account(x))));
        router.delete("/api/v1/accounts/{username}/block", x -> noContent(x, v -> social.unblock(v, account(x))));
        router.post("/api/v1/accounts/{username}/mute", x -> noContent(x, v -> social.mute(v, account(x))));
        router.delete("/api/v1/accounts/{username}/mute", x -> noContent(x, v -> social.unmute(v, account(x))));
        router.get("/api/v1/blocks", x -> x.json(200, SocialJson.accounts(
                social.blocks(x.requireViewer(), Cursor.before(x), PostsApi.limit(x)))));
        router.get("/api/v1/mutes", x -> x.json(200, SocialJson.accounts(
                social.mutes(x.requireViewer(), Cursor.before(x), PostsApi.limit(x)))));
        router.get("/api/v1/notifications", x -> x.json(200, SocialJson.notifications(
                notifications.page(x.requireViewer(), Cursor.before(x), PostsApi.limit(x)))));
        router.get("/api/v1/notifications/unread-count", x ->
                x.json(200, Map.of("unread", notifications.unreadCount(x.requireViewer()))));
        router.post("/api/v1/notifications/read", x -> {
            Viewer viewer = x.requireViewer();
            int marked = notifications.markRead(viewer, upTo(x));
            x.json(200, Map.of("marked", marked, "unread", notifications.unreadCount(viewer)));
        });
    }

    /** The {@code upTo} of a mark-read body; an empty body marks everything. */
    private static OptionalLong upTo(Exchange x) {
        if (x.body(JsonBody.MAX_BYTES).length == 0) {
            return OptionalLong.empty();
        }
        return JsonBody.of(x).number("upTo").map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /** The active local account named in the path. */
    private Account account(Exchange x) {
        return accounts.activeArtist(x.pathParam("username"));
    }

    /**
     * Runs an action of the signed-in viewer and answers 204.
     *
     * @param x      the exchange
     * @param action what to do
     */
    static void noContent(Exchange x, java.util.function.Consumer<Viewer> action) {
        action.accept(x.requireViewer());
        x.response().status(204);
        x.response().send();
    }
}
