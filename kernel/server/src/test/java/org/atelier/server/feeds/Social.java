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
 * What the feed tests need of the social graph and of posts. Posts are made through the API;
 * follows, reposts, likes, mutes and blocks are written as the services that own them write them
 * (those services are not part of this package), straight into their tables.
 */
final class Social {
    private final TestInstance instance;
    private final Jdbi jdbi;
    private int seed;

    Social(TestInstance instance) {
        this.instance = instance;
        this.jdbi = instance.atelier().database().jdbi();
    }

    long id(String username) {
        return instance.atelier().accounts().byUsername(username).orElseThrow().id();
    }

    long postId(String publicId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM posts WHERE public_id = :p").bind("p", publicId)
                .mapTo(Long.class).one());
    }

    /** An accepted follow. */
    void follow(String follower, String followee) {
        follow(follower, followee, "accepted");
    }

    /** A follow waiting for a locked account's approval. */
    void requestFollow(String follower, String followee) {
        follow(follower, followee, "pending");
    }

    private void follow(String follower, String followee, String state) {
        jdbi.useHandle(h -> h.execute("INSERT INTO follows (follower_id, followee_id, state, created_at) VALUES (?, ?, ?, ?)",
                id(follower), id(followee), state, Instant.now()));
    }

    void mute(String who, String target) {
        jdbi.useHandle(h -> h.execute("INSERT INTO mutes (account_id, target_id, created_at) VALUES (?, ?, ?)",
                id(who), id(target), Instant.now()));
    }

    void block(String who, String target) {
        jdbi.useHandle(h -> h.execute("INSERT INTO blocks (account_id, target_id, created_at) VALUES (?, ?, ?)",
                id(who), id(target), Instant.now()));
    }

    /** A repost, now, with the post's count. */
    void repost(String who, String post) {
        jdbi.useTransaction(h -> {
            h.execute("INSERT INTO reposts (account_id, post_id, created_at) VALUES (?, ?, ?)", id(who), postId(post),
                    Instant.now());
            h.execute("UPDATE posts SET repost_count = repost_count + 1 WHERE id = ?", postId(post));
        });
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
