package org.atelier.server.posts;

import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
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
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Posts over the API on both databases: create, read, edit (add, remove, reorder images),
 * drafts, delete; who may see and change what; hostile input refused with nothing changed; an
 * artist's portfolio and posts tab paged by keyset.
 */
class PostsApiTest {


    @SuppressWarnings("unchecked")
    static List<String> imageIds(Map<String, Object> post) {
        return ((List<Map<String, Object>>) post.get("images")).stream().map(i -> (String) i.get("id")).toList();
    }

    static String post(BrowserClient client, String body) {
        HttpResponse<String> created = client.json("POST", "/api/v1/posts", body);
        assertEquals(201, created.statusCode(), created.body());
        return (String) json(created).get("id");
    }

    static int status(BrowserClient client, String path) {
        return client.send(HttpRequest.newBuilder(client.base().resolve(path)), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void createReadEditDelete(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient other = community.artist("sculptor");
            BrowserClient visitor = community.visitor();
            String a = Community.upload(painter, Community.artwork(1, 800, 600), "alt=Red%20study");
            String b = Community.upload(painter, Community.artwork(2, 600, 800), "");
            String c = Community.upload(painter, Community.artwork(3, 700, 700), "");

            HttpResponse<String> created = painter.json("POST", "/api/v1/posts", """
                    {"title": "Harbour at dusk", "description": "Oil on **linen**. #OilPainting #harbour @sculptor",
                     "tags": ["plein_air", "#Harbour"], "media": ["%s", "%s", "%s"], "licence": "cc-by-nc",
                     "visibility": "public", "sensitive": true, "contentWarning": "flashing lights",
                     "embeds": ["https://www.youtube.com/watch?v=dQw4w9WgXcQ"]}""".formatted(a, b, c));
            assertEquals(201, created.statusCode(), created.body());
            Map<String, Object> post = json(created);
            String id = (String) post.get("id");
            assertEquals("published", post.get("state"));
            assertEquals(List.of(a, b, c), imageIds(post));
            assertEquals(List.of("harbour", "oilpainting", "plein_air"), post.get("tags"));
            assertTrue(((String) post.get("descriptionHtml")).contains("<strong>linen</strong>"), post.toString());
            assertEquals(true, post.get("noAiTraining"), "no AI training is the default");
            assertEquals("cc-by-nc", post.get("licence"));
            assertEquals(List.of("https://www.youtube.com/watch?v=dQw4w9WgXcQ"), post.get("embeds"));

            // anyone sees a public post and its images; the original stays private
            HttpResponse<String> seen = visitor.get("/api/v1/posts/" + id);
            assertEquals(200, seen.statusCode(), seen.body());
            assertEquals(200, status(visitor, "/media/" + a + "/thumbnail"));
            assertEquals(404, status(visitor, "/media/" + a + "/original"));
            assertEquals(401, visitor.get("/api/v1/media/" + a).statusCode(), "image details are the owner's");
            assertEquals(404, other.get("/api/v1/media/" + a).statusCode(), "image details are the owner's");

            // nobody else edits or deletes it
            assertEquals(404, other.json("PATCH", "/api/v1/posts/" + id, "{\"title\":\"mine now\"}").statusCode());
            assertEquals(404, other.json("DELETE", "/api/v1/posts/" + id, "").statusCode());
            assertEquals(401, visitor.json("PATCH", "/api/v1/posts/" + id, "{\"title\":\"x\"}").statusCode());
            assertEquals("Harbour at dusk", json(visitor.get("/api/v1/posts/" + id)).get("title"));

            // the artist reorders, removes one image and adds another; the removed image is deleted
            String d = Community.upload(painter, Community.artwork(4, 640, 480), "");
            HttpResponse<String> edited = painter.json("PATCH", "/api/v1/posts/" + id,
                    "{\"media\": [\"" + c + "\", \"" + d + "\", \"" + a + "\"], \"title\": \"Harbour, dusk\"}");
            assertEquals(200, edited.statusCode(), edited.body());
            assertEquals(List.of(c, d, a), imageIds(json(edited)));
            assertEquals(List.of("harbour", "oilpainting", "plein_air"), json(edited).get("tags"), "tags kept");
            assertEquals(404, painter.get("/api/v1/media/" + b).statusCode(), "the removed image is gone");

            // deleting the post deletes its images
            assertEquals(204, painter.json("DELETE", "/api/v1/posts/" + id, "").statusCode());
            assertEquals(404, visitor.get("/api/v1/posts/" + id).statusCode());
            assertEquals(404, painter.get("/api/v1/media/" + a).statusCode());
            assertEquals(0, instance.atelier().media().count());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void draftsStayWithTheirAuthorUntilPublished(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient other = community.artist("sculptor");
            String id = post(painter, "{\"title\": \"Work in progress\", \"draft\": true}");
            assertEquals("draft", json(painter.get("/api/v1/posts/" + id)).get("state"));
            assertEquals(404, other.get("/api/v1/posts/" + id).statusCode());
            assertEquals(404, community.visitor().get("/api/v1/posts/" + id).statusCode());
            assertEquals(1, ((List<?>) json(painter.get("/api/v1/drafts")).get("items")).size());
            assertEquals(0, ((List<?>) json(other.get("/api/v1/drafts")).get("items")).size());
            assertEquals(0, ((List<?>) json(other.get("/api/v1/accounts/painter/portfolio")).get("items")).size());

            HttpResponse<String> empty = painter.json("PATCH", "/api/v1/posts/" + id, "{\"publish\": true}");
            assertEquals(400, empty.statusCode());
            assertTrue(empty.body().contains("at least one image"), empty.body());
            assertEquals("draft", json(painter.get("/api/v1/posts/" + id)).get("state"), "refused publish changed nothing");

            String image = Community.upload(painter, Community.artwork(5, 500, 500), "");
            HttpResponse<String> published = painter.json("PATCH", "/api/v1/posts/" + id,
                    "{\"publish\": true, \"media\": [\"" + image + "\"]}");
            assertEquals(200, published.statusCode(), published.body());
            assertEquals("published", json(published).get("state"));
            assertEquals(200, other.get("/api/v1/posts/" + id).statusCode());
            assertEquals(0, ((List<?>) json(painter.get("/api/v1/drafts")).get("items")).size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void followersOnlyPostsStayWithFollowers(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient follower = community.artist("follower");
            BrowserClient stranger = community.artist("stranger");
            String image = Community.upload(painter, Community.artwork(6, 600, 400), "");
            String id = post(painter, "{\"visibility\": \"followers\", \"media\": [\"" + image + "\"]}");
            long painterId = instance.atelier().accounts().byUsername("painter").orElseThrow().id();
            long followerId = instance.atelier().accounts().byUsername("follower").orElseThrow().id();
            // an accepted follow, written as the follow service writes it
            instance.atelier().database().jdbi().useHandle(h -> h.execute(
                    "INSERT INTO follows (follower_id, followee_id, state, created_at) VALUES (?, ?, 'accepted', ?)",
                    followerId, painterId, Instant.now()));

            assertEquals(200, painter.get("/api/v1/posts/" + id).statusCode());
            assertEquals(200, follower.get("/api/v1/posts/" + id).statusCode());
            assertEquals(200, status(follower, "/media/" + image + "/display-640"));
            for (BrowserClient outsider : List.of(stranger, community.visitor(), community.admin())) {
                assertEquals(404, outsider.get("/api/v1/posts/" + id).statusCode());
                assertEquals(404, status(outsider, "/media/" + image + "/display-640"));
                assertEquals(404, status(outsider, "/media/" + image + "/thumbnail"));
                assertEquals(0, ((List<?>) json(outsider.get("/api/v1/accounts/painter/portfolio")).get("items")).size());
            }
            assertEquals(1, ((List<?>) json(follower.get("/api/v1/accounts/painter/portfolio")).get("items")).size());

            // a block hides even public work, both ways
            String open = post(painter, "{\"media\": [\"" + Community.upload(painter, Community.artwork(7, 300, 300), "")
                    + "\"]}");
            assertEquals(200, stranger.get("/api/v1/posts/" + open).statusCode());
            long strangerId = instance.atelier().accounts().byUsername("stranger").orElseThrow().id();
            instance.atelier().database().jdbi().useHandle(h -> h.execute(
                    "INSERT INTO blocks (account_id, target_id, created_at) VALUES (?, ?, ?)", painterId, strangerId,
                    Instant.now()));
            assertEquals(404, stranger.get("/api/v1/posts/" + open).statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void hostileInputIsRefusedAndChangesNothing(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient other = community.artist("sculptor");
            String mine = Community.upload(painter, Community.artwork(8, 400, 400), "");
            String theirs = Community.upload(other, Community.artwork(9, 400, 400), "");
            String existing = post(painter, "{\"title\": \"Kept\", \"media\": [\"" + mine + "\"]}");
            String spare = Community.upload(painter, Community.artwork(10, 400, 400), "");
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                many.add("\"x" + i + "\"");
            }
            Map<String, String> refused = new java.util.LinkedHashMap<>();
            refused.put("{\"media\": [\"" + theirs + "\"]}", "not one of your uploads");
            refused.put("{\"media\": [\"" + mine + "\"]}", "already in another post");
            refused.put("{\"media\": [\"" + spare + "\", \"" + spare + "\"]}", "listed twice");
            refused.put("{\"media\": [" + String.join(",", many) + "]}", "at most 20 images");
            refused.put("{\"media\": [\"" + spare + "\"], \"licence\": \"cc-by-4\"}", "Unknown licence");
            refused.put("{\"media\": [\"" + spare + "\"], \"visibility\": \"everyone\"}", "Visibility");
            refused.put("{\"media\": [\"" + spare + "\"], \"title\": \"" + "t".repeat(201) + "\"}", "at most 200");
            refused.put("{\"media\": [\"" + spare + "\"], \"tags\": [\"<script>\"]}", "is not a tag");
            refused.put("{\"media\": [\"" + spare + "\"], \"embeds\": [\"javascript:alert(1)\"]}", "web address");
            refused.put("{\"media\": \"" + spare + "\"}", "must be a list");
            refused.put("{\"media\": [\"" + spare + "\"], \"sensitive\": \"yes\"}", "true or false");
            refused.put("[1,2]", "JSON object");
            refused.put("{\"media\": [\"" + spare + "\"], \"description\": \"" + "d".repeat(10_001) + "\"}", "10");
            for (Map.Entry<String, String> e : refused.entrySet()) {
                HttpResponse<String> response = painter.json("POST", "/api/v1/posts", e.getKey());
                assertEquals(400, response.statusCode(), e.getKey().substring(0, Math.min(60, e.getKey().length())));
                assertTrue(response.body().contains(e.getValue()), response.body());
                HttpResponse<String> patched = painter.json("PATCH", "/api/v1/posts/" + existing, e.getKey());
                assertTrue(patched.statusCode() == 400 || e.getValue().equals("already in another post"), patched.body());
            }
            Map<String, Object> kept = json(painter.get("/api/v1/posts/" + existing));
            assertEquals("Kept", kept.get("title"));
            assertEquals(List.of(mine), imageIds(kept));
            assertEquals(1, ((List<?>) json(painter.get("/api/v1/accounts/painter/portfolio")).get("items")).size());
            assertEquals(400, painter.get("/api/v1/accounts/painter/portfolio?before=garbage!").statusCode());
            assertEquals(400, painter.get("/api/v1/accounts/painter/portfolio?limit=1000").statusCode());

            // alt text, when the instance requires it
            assertEquals(403, painter.json("PUT", "/api/v1/admin/settings/posts", "{\"altTextRequired\": true}").statusCode());
            assertEquals(200, community.admin().json("PUT", "/api/v1/admin/settings/posts",
                    "{\"altTextRequired\": true}").statusCode());
            HttpResponse<String> noAlt = painter.json("POST", "/api/v1/posts", "{\"media\": [\"" + spare + "\"]}");
            assertEquals(400, noAlt.statusCode());
            assertTrue(noAlt.body().contains("alt text"), noAlt.body());
            String described = Community.upload(painter, Community.artwork(11, 300, 300), "alt=A%20blue%20circle");
            post(painter, "{\"media\": [\"" + described + "\"]}");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void portfolioPinsFirstThenNewestAndPagesByKeyset(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            List<String> portfolio = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String image = Community.upload(painter, Community.artwork(20 + i, 200, 200), "");
                portfolio.add(post(painter, "{\"title\": \"Work " + i + "\", \"media\": [\"" + image + "\"]"
                        + (i == 1 ? ", \"pinned\": true" : "") + "}"));
            }
            String sketch = post(painter, "{\"title\": \"Sketch\", \"inPortfolio\": false, \"media\": [\""
                    + Community.upload(painter, Community.artwork(40, 200, 200), "") + "\"]}");
            BrowserClient visitor = community.visitor();
            List<String> seen = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                Map<String, Object> page = json(visitor.get("/api/v1/accounts/painter/portfolio?limit=3"
                        + (next == null ? "" : "&before=" + next)));
                for (Object item : (List<?>) page.get("items")) {
                    seen.add((String) ((Map<?, ?>) item).get("id"));
                }
                next = (String) page.get("next");
                pages++;
            } while (next != null && pages < 10);
            List<String> expected = new ArrayList<>();
            expected.add(portfolio.get(1));
            for (int i = 6; i >= 0; i--) {
                if (i != 1) {
                    expected.add(portfolio.get(i));
                }
            }
            assertEquals(expected, seen, "pinned first, then newest first, each once");
            Map<String, Object> others = json(visitor.get("/api/v1/accounts/painter/posts"));
            assertEquals(List.of(sketch), ((List<?>) others.get("items")).stream()
                    .map(i -> ((Map<?, ?>) i).get("id")).toList());
            assertNull(others.get("next"));
            assertFalse(seen.contains(sketch));
            assertEquals(404, visitor.get("/api/v1/accounts/nobody/portfolio").statusCode());
        }
    }
}
