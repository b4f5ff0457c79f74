package org.atelier.server.federation;

import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Posts as Notes at their page URLs, on both databases: every image an attachment with what
 * peers read (media type, size, blurhash, Mastodon's focal point, alt text as name and summary),
 * the title and embeds in the text and a link when there are more than four images, content
 * warning, hashtags, addressing by visibility, licence and no-AI-training terms; followers-only
 * posts are not served to anonymous fetches; browsers still get the page.
 */
class NotesTest {
    private static final String AP = "application/activity+json";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aPostIsANoteWithEveryImage(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient paula = community.artist("paula");
            community.artist("bruno");
            List<String> images = new ArrayList<>();
            images.add(Community.upload(paula, Community.artwork(1, 64, 48), "alt=A%20red%20fox%20asleep"));
            for (int i = 2; i <= 5; i++) {
                images.add(Community.upload(paula, Community.artwork(i, 48, 32), ""));
            }
            assertEquals(202, paula.json("PATCH", "/api/v1/media/" + images.get(0), "{\"focalPoint\": [0.25, 0.75]}")
                    .statusCode());
            Community.awaitReady(paula, images.get(0));
            HttpResponse<String> created = paula.json("POST", "/api/v1/posts", "{\"media\": [\"" + String.join("\", \"", images)
                    + "\"], \"title\": \"Fox <study>\", \"description\": \"Ink on paper #sketch, for @bruno and @nobody and @ana@elsewhere.example\","
                    + " \"embeds\": [\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"], \"sensitive\": true,"
                    + " \"contentWarning\": \"eye contact\", \"licence\": \"cc-by\"}");
            assertEquals(201, created.statusCode(), created.body());
            String id = (String) json(created).get("id");

            Map<String, Object> note = json(get(community.visitor(), "/posts/" + id, AP));
            assertEquals("Note", note.get("type"));
            assertEquals("http://localhost/posts/" + id, note.get("id"));
            assertEquals("http://localhost/users/paula", note.get("attributedTo"));
            assertEquals(List.of("https://www.w3.org/ns/activitystreams#Public"), note.get("to"));
            assertEquals(List.of("http://localhost/users/paula/followers", "http://localhost/users/bruno"), note.get("cc"),
                    "the mentioned local artist is addressed; nobody does not exist, ana's server is not asked yet");
            assertEquals(true, note.get("sensitive"));
            assertEquals("eye contact", note.get("summary"));
            String content = (String) note.get("content");
            assertTrue(content.startsWith("<p><strong>Fox &lt;study&gt;</strong></p>"), content);
            assertTrue(content.contains("https://www.youtube.com/watch?v=dQw4w9WgXcQ"), content);
            assertTrue(content.contains("5 images — see them all: <a href=\"http://localhost/posts/" + id + "\">"), content);
            assertEquals(List.of(Map.of("type", "Hashtag", "href", "http://localhost/tags/sketch", "name", "#sketch"),
                    Map.of("type", "Mention", "href", "http://localhost/users/bruno", "name", "@bruno@localhost")),
                    note.get("tag"));
            assertEquals("https://creativecommons.org/licenses/by/4.0/", note.get("license"));
            assertEquals(true, note.get("noAiTraining"));

            List<?> attachments = (List<?>) note.get("attachment");
            assertEquals(5, attachments.size(), "every image, not four");
            Map<?, ?> first = (Map<?, ?>) attachments.get(0);
            assertEquals("Image", first.get("type"));
            assertTrue(((String) first.get("url")).startsWith("http://localhost/media/" + images.get(0) + "/display-"),
                    first.toString());
            assertEquals(64, first.get("width"));
            assertEquals(48, first.get("height"));
            assertTrue(((String) first.get("mediaType")).startsWith("image/"));
            assertTrue(((String) first.get("blurhash")).length() >= 6);
            assertEquals(List.of(-0.5, -0.5), first.get("focalPoint"), "left of centre and below it");
            assertEquals("A red fox asleep", first.get("name"));
            assertEquals("A red fox asleep", first.get("summary"));
            HttpResponse<byte[]> picture = community.visitor().send(HttpRequest.newBuilder(
                    community.visitor().base().resolve(((String) first.get("url")).replace("http://localhost", ""))).GET(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, picture.statusCode(), "the attachment's URL serves the image");

            // browsers get the page
            HttpResponse<String> page = get(community.visitor(), "/posts/" + id, "text/html");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<html"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void addressingFollowsVisibilityAndFollowersOnlyIsNotServedToAnyone(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient paula = community.artist("paula");
            String unlisted = publish(paula, "unlisted");
            String followers = publish(paula, "followers");
            Map<String, Object> note = json(get(community.visitor(), "/posts/" + unlisted, AP));
            assertEquals(List.of("http://localhost/users/paula/followers"), note.get("to"));
            assertEquals(List.of("https://www.w3.org/ns/activitystreams#Public"), note.get("cc"));
            assertEquals(404, get(community.visitor(), "/posts/" + followers, AP).statusCode());
            assertEquals(404, get(community.visitor(), "/posts/nope", AP).statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theOutboxListsWhatAnyoneMaySeeAndFeaturedThePinnedWorks(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient paula = community.artist("paula");
            String first = publish(paula, "public");
            String hidden = publish(paula, "followers");
            String pinned = publish(paula, "unlisted", ", \"pinned\": true");
            BrowserClient peer = community.visitor();

            Map<String, Object> outbox = json(get(peer, "/users/paula/outbox", AP));
            assertEquals("OrderedCollection", outbox.get("type"));
            assertEquals(2, ((Number) outbox.get("totalItems")).intValue(), "followers-only posts are not counted");
            assertEquals("http://localhost/users/paula/outbox?page=true", outbox.get("first"));
            Map<String, Object> page = json(get(peer, "/users/paula/outbox?page=true", AP));
            assertEquals("OrderedCollectionPage", page.get("type"));
            assertEquals("http://localhost/users/paula/outbox", page.get("partOf"));
            assertEquals(null, page.get("next"), "one page");
            List<?> items = (List<?>) page.get("orderedItems");
            assertEquals(List.of("http://localhost/posts/" + pinned + "/activity", "http://localhost/posts/" + first
                    + "/activity"), items.stream().map(i -> ((Map<?, ?>) i).get("id")).toList(), "newest first");
            Map<?, ?> create = (Map<?, ?>) items.get(1);
            assertEquals("Create", create.get("type"));
            assertEquals("http://localhost/users/paula", create.get("actor"));
            assertEquals("http://localhost/posts/" + first, ((Map<?, ?>) create.get("object")).get("id"));
            assertTrue(!page.toString().contains(hidden), "followers-only posts are not listed");

            Map<String, Object> featured = json(get(peer, "/users/paula/collections/featured", AP));
            assertEquals(List.of("http://localhost/posts/" + pinned), ((List<?>) featured.get("orderedItems")).stream()
                    .map(i -> ((Map<?, ?>) i).get("id")).toList());
            assertEquals("http://localhost/users/paula/collections/featured",
                    json(get(peer, "/users/paula", AP)).get("featured"));
        }
    }

    private static String publish(BrowserClient artist, String visibility) {
        return publish(artist, visibility, "");
    }

    private static String publish(BrowserClient artist, String visibility, String more) {
        String image = Community.upload(artist, Community.artwork(9, 48, 32), "");
        HttpResponse<String> created = artist.json("POST", "/api/v1/posts", "{\"media\": [\"" + image
                + "\"], \"visibility\": \"" + visibility + "\"" + more + "}");
        assertEquals(201, created.statusCode(), created.body());
        return (String) json(created).get("id");
    }

    private static HttpResponse<String> get(BrowserClient client, String path, String accept) {
        return client.send(HttpRequest.newBuilder(client.base().resolve(path)).header("Accept", accept).GET());
    }
}
