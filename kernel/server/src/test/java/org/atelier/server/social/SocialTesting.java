package org.atelier.server.social;

import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.atelier.server.http.Json;
import org.atelier.server.posts.Posts;
import org.atelier.server.store.Database;
import org.atelier.server.store.InstanceSettings;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;

/**
 * Helpers of the social tests: reading JSON answers, publishing a post with an image, locking a
 * profile and counting rows behind the application's back, and the social services built on a
 * test instance's database (for the methods the pages call).
 */
final class SocialTesting {
    private static final AtomicInteger SEEDS = new AtomicInteger(100);

    private SocialTesting() {
    }


    /** @return the {@code items} of a 200 list answer */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return (List<Map<String, Object>>) json(response).get("items");
    }

    /** @return the usernames of a 200 account-list answer, in order */
    static List<String> usernames(HttpResponse<String> response) {
        return items(response).stream().map(i -> (String) i.get("username")).toList();
    }

    /**
     * Publishes a post with one image.
     *
     * @param artist      the artist's client
     * @param visibility  public, unlisted or followers
     * @param description the description (may mention people)
     * @return the post's public id
     */
    static String publish(BrowserClient artist, String visibility, String description) {
        String image = Community.upload(artist, Community.artwork(SEEDS.incrementAndGet(), 200, 160), "");
        HttpResponse<String> created = artist.json("POST", "/api/v1/posts", new String(Json.write(Map.of(
                "visibility", visibility, "description", description, "media", List.of(image))), StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode(), created.body());
        return (String) json(created).get("id");
    }

    /**
     * Locks or unlocks a profile as the profile service will store it (the profile API is not
     * part of the social layer).
     *
     * @param instance the instance
     * @param username the account
     * @param locked   whether follows need approval
     */
    static void setLocked(TestInstance instance, String username, boolean locked) {
        long id = accountId(instance, username);
        instance.atelier().database().jdbi().useHandle(h -> {
            h.execute("DELETE FROM profiles WHERE account_id = ?", id);
            h.execute("INSERT INTO profiles (account_id, bio_html, links, skills, locked, updated_at)"
                    + " VALUES (?, '', '[]', '[]', ?, ?)", id, locked, Instant.now());
        });
    }

    /** @return a new client signed in as an existing account */
    static BrowserClient signedIn(TestInstance instance, String username) {
        BrowserClient client = instance.client();
        TestInstance.signIn(client, username);
        return client;
    }

    /** @return the account's id */
    static long accountId(TestInstance instance, String username) {
        return instance.atelier().accounts().byUsername(username).orElseThrow().id();
    }

    /** @return the post's internal id */
    static long postId(TestInstance instance, String publicId) {
        return count(instance, "SELECT id FROM posts WHERE public_id = ?", publicId);
    }

    /**
     * One number from the database.
     *
     * @param instance the instance
     * @param sql      a query returning one number
     * @param args     its arguments
     * @return the number
     */
    static long count(TestInstance instance, String sql, Object... args) {
        return instance.atelier().database().jdbi().withHandle(h -> h.select(sql, args).mapTo(Long.class).one());
    }

    /** @return the post's stored counters: likes, reposts, comments */
    static List<Long> counters(TestInstance instance, String publicId) {
        return List.of(count(instance, "SELECT like_count FROM posts WHERE public_id = ?", publicId),
                count(instance, "SELECT repost_count FROM posts WHERE public_id = ?", publicId),
                count(instance, "SELECT comment_count FROM posts WHERE public_id = ?", publicId));
    }

    /** @return the client's notifications, newest first */
    static List<Map<String, Object>> notifications(BrowserClient client) {
        return items(client.get("/api/v1/notifications?limit=60"));
    }

    /** @return the kinds of the client's notifications, newest first */
    static List<String> kinds(BrowserClient client) {
        return notifications(client).stream().map(n -> (String) n.get("kind")).toList();
    }

    /** @return the client's unread count */
    static int unread(BrowserClient client) {
        HttpResponse<String> response = client.get("/api/v1/notifications/unread-count");
        assertEquals(200, response.statusCode(), response.body());
        return ((Number) json(response).get("unread")).intValue();
    }

    /** The social services on an instance's database, as {@code Atelier.start} builds them. */
    record Services(Social social, Reactions reactions, Comments comments, Notifications notifications) {
        static Services on(TestInstance instance) {
            Database database = instance.atelier().database();
            Clock clock = Clock.systemUTC();
            Posts posts = new Posts(database, instance.atelier().media(), new InstanceSettings(database), clock);
            Notifications notifications = new Notifications(database, clock);
            Social social = new Social(database, notifications, clock);
            return new Services(social, new Reactions(database, posts, social, notifications, clock),
                    new Comments(database, posts, notifications, clock), notifications);
        }
    }
}
