package org.atelier.server.feeds;

import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.server.http.Json;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.jdbi.v3.core.Jdbi;

/**
 * What the feed tests need of the social graph and of posts. Posts, follows, reposts, mutes and
 * blocks go through the API as their artists' own clients (so that everything that listens to
 * them — the materialised home timelines — hears them); a follow waiting for approval and crowds
 * of likes are written straight into their tables, as the services write them (neither changes a
 * home feed).
 */
final class Social {
    private final TestInstance instance;
    private final Community community;
    private final Jdbi jdbi;
    private int seed;

    Social(TestInstance instance, Community community) {
        this.instance = instance;
        this.community = community;
        this.jdbi = instance.atelier().database().jdbi();
    }

    long id(String username) {
        return instance.atelier().accounts().byUsername(username).orElseThrow().id();
    }

    long postId(String publicId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM posts WHERE public_id = :p").bind("p", publicId)
                .mapTo(Long.class).one());
    }

    /** The username of a post's author. */
    String authorOf(String post) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.username FROM posts p JOIN accounts a ON a.id = p.author_id"
                + " WHERE p.public_id = :p").bind("p", post).mapTo(String.class).one());
    }

    /** Follows an account that is not locked (the follow is accepted at once). */
    void follow(String follower, String followee) {
        call(follower, "POST", "/api/v1/accounts/" + followee + "/follow");
    }

    void unfollow(String follower, String followee) {
        call(follower, "DELETE", "/api/v1/accounts/" + followee + "/follow");
    }

    /** A follow waiting for a locked account's approval. */
    void requestFollow(String follower, String followee) {
        jdbi.useHandle(h -> h.execute("INSERT INTO follows (follower_id, followee_id, state, created_at) VALUES (?, ?, ?, ?)",
                id(follower), id(followee), "pending", Instant.now()));
    }

    void mute(String who, String target) {
        call(who, "POST", "/api/v1/accounts/" + target + "/mute");
    }

    void unmute(String who, String target) {
        call(who, "DELETE", "/api/v1/accounts/" + target + "/mute");
    }

    void block(String who, String target) {
        call(who, "POST", "/api/v1/accounts/" + target + "/block");
    }

    void unblock(String who, String target) {
        call(who, "DELETE", "/api/v1/accounts/" + target + "/block");
    }

    void repost(String who, String post) {
        call(who, "POST", "/api/v1/posts/" + post + "/repost");
    }

    void unrepost(String who, String post) {
        call(who, "DELETE", "/api/v1/posts/" + post + "/repost");
    }

    void followTag(String who, String tag) {
        call(who, "POST", "/api/v1/tags/" + tag + "/follow");
    }

    void unfollowTag(String who, String tag) {
        call(who, "DELETE", "/api/v1/tags/" + tag + "/follow");
    }

    private void call(String who, String method, String path) {
        HttpResponse<String> response = community.signedIn(who).json(method, path, "");
        assertEquals(true, response.statusCode() / 100 == 2, () -> method + " " + path + " as " + who + ": "
                + response.statusCode() + " " + response.body());
    }

    /** Likes by as many accounts as given, with the post's count. */
    void likes(String post, String... who) {
        jdbi.useTransaction(h -> {
            for (String account : who) {
                h.execute("INSERT INTO likes (account_id, post_id, created_at) VALUES (?, ?, ?)", id(account),
                        postId(post), Instant.now());
            }
            h.execute("UPDATE posts SET like_count = like_count + ? WHERE id = ?", who.length, postId(post));
        });
    }

    /**
     * Publishes a post with one small image.
     *
     * @param artist the author's client
     * @param fields extra JSON fields, e.g. {@code "visibility": "followers"}, or empty
     * @return the post's public id
     */
    String publish(BrowserClient artist, String fields) {
        String image = Community.upload(artist, Community.artwork(++seed, 48, 32), "");
        HttpResponse<String> created = artist.json("POST", "/api/v1/posts",
                "{\"media\": [\"" + image + "\"]" + (fields.isEmpty() ? "" : ", " + fields) + "}");
        assertEquals(201, created.statusCode(), created.body());
        return (String) json(created).get("id");
    }


    /** A page's JSON, insisting on 200. */
    static Map<String, Object> page(BrowserClient client, String path) {
        HttpResponse<String> response = client.get(path);
        assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
        return json(response);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    /** The post ids of a page, in order. */
    static List<String> ids(Map<String, Object> page) {
        return items(page).stream().map(i -> (String) i.get("id")).toList();
    }

    /**
     * Every post id of a feed, following {@code next} page by page.
     *
     * @param client who reads
     * @param path   the feed's path with its query, without {@code before}
     * @return the ids in order
     */
    static List<String> all(BrowserClient client, String path) {
        return all(client, path, "id");
    }

    /**
     * One field of every item of a list, following {@code next} page by page.
     *
     * @param client who reads
     * @param path   the list's path with its query, without {@code before}
     * @param field  the field of each item
     * @return the values in order
     */
    static List<String> all(BrowserClient client, String path, String field) {
        List<String> ids = new ArrayList<>();
        String next = null;
        for (int pages = 0; pages < 100; pages++) {
            Map<String, Object> page = page(client, path + (next == null ? "" : (path.contains("?") ? "&" : "?")
                    + "before=" + next));
            items(page).forEach(item -> ids.add((String) item.get(field)));
            next = (String) page.get("next");
            if (next == null) {
                return ids;
            }
        }
        throw new AssertionError("more than 100 pages of " + path);
    }
}
