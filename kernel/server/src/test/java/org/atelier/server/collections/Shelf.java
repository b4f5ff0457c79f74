package org.atelier.server.collections;

import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Role;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.http.Json;
import org.atelier.server.posts.Posts;
import org.atelier.server.store.InstanceSettings;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;

/**
 * Fixtures for the bookmark and album tests: published works, follows and blocks written as their
 * services will write them, and readers for pages of the API's lists.
 */
final class Shelf {
    private final TestInstance instance;
    private int seed = 100;

    Shelf(TestInstance instance) {
        this.instance = instance;
    }


    /** @return the public ids of a page's items, in order */
    @SuppressWarnings("unchecked")
    static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> (String) i.get("id")).toList();
    }

    /**
     * Publishes a work with one small image.
     *
     * @param artist     the artist's client
     * @param visibility public, unlisted or followers
     * @return the post's public id
     */
    String publish(BrowserClient artist, String visibility) {
        String image = Community.upload(artist, Community.artwork(seed++, 64, 48), "");
        HttpResponse<String> created = artist.json("POST", "/api/v1/posts",
                "{\"visibility\": \"" + visibility + "\", \"media\": [\"" + image + "\"]}");
        assertEquals(201, created.statusCode(), created.body());
        return (String) json(created).get("id");
    }

    long accountId(String username) {
        return instance.atelier().accounts().byUsername(username).orElseThrow().id();
    }

    long postId(String publicId) {
        return instance.atelier().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM posts WHERE public_id = :id").bind("id", publicId).mapTo(Long.class).one());
    }

    /** An accepted follow, as the follow service writes it. */
    void follow(String follower, String followee) {
        sql("INSERT INTO follows (follower_id, followee_id, state, created_at) VALUES (?, ?, 'accepted', ?)",
                accountId(follower), accountId(followee), Instant.now());
    }

    void unfollow(String follower, String followee) {
        sql("DELETE FROM follows WHERE follower_id = ? AND followee_id = ?", accountId(follower), accountId(followee));
    }

    /** A block, as the block service writes it. */
    void block(String blocker, String target) {
        sql("INSERT INTO blocks (account_id, target_id, created_at) VALUES (?, ?, ?)", accountId(blocker),
                accountId(target), Instant.now());
    }

    void unblock(String blocker, String target) {
        sql("DELETE FROM blocks WHERE account_id = ? AND target_id = ?", accountId(blocker), accountId(target));
    }

    void sql(String statement, Object... args) {
        instance.atelier().database().jdbi().useHandle(h -> h.execute(statement, args));
    }

    int count(String query, Object... args) {
        return instance.atelier().database().jdbi().withHandle(h -> {
            var q = h.createQuery(query);
            for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
            }
            return q.mapTo(Integer.class).one();
        });
    }

    /** The service as the pages will use it, on the instance's database. */
    Collections service() {
        var database = instance.atelier().database();
        return new Collections(database, new Posts(database, instance.atelier().media(), new InstanceSettings(database),
                Clock.systemUTC()), Clock.systemUTC());
    }

    Viewer viewer(String username) {
        return new Viewer(accountId(username), username, username, Role.ARTIST);
    }

    /**
     * Reads every page of a list, following {@code next}, and checks no page is empty but the
     * last and no id comes twice.
     *
     * @param client   who reads
     * @param path     the list, with a query already started ({@code ?limit=…})
     * @param postsKey the key holding the page ({@code null} when the response is the page)
     * @return the ids of all pages in order, and the page sizes
     */
    @SuppressWarnings("unchecked")
    static Paged readAll(BrowserClient client, String path, String postsKey) {
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = null;
        do {
            HttpResponse<String> response = client.get(path + (next == null ? "" : "&before=" + next));
            assertEquals(200, response.statusCode(), response.body());
            Map<String, Object> body = json(response);
            Map<String, Object> page = postsKey == null ? body : (Map<String, Object>) body.get(postsKey);
            List<String> ids = ids(page);
            sizes.add(ids.size());
            seen.addAll(ids);
            next = (String) page.get("next");
            assertTrue(sizes.size() < 100, "pages never end");
        } while (next != null);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "an item came twice: " + seen);
        return new Paged(seen, sizes);
    }

    /** Everything a paged list gave. */
    record Paged(List<String> ids, List<Integer> pageSizes) {
    }

    static Optional<String> string(Map<String, Object> map, String key) {
        return Optional.ofNullable((String) map.get(key));
    }
}
