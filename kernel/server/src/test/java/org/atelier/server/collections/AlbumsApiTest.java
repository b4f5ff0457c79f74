package org.atelier.server.collections;

import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Albums over the API on both databases: create, read, edit, delete; private albums are their
 * owner's alone; own and others' posts, each shown only to viewers who may see it; add, remove,
 * reorder (exactly the album's posts, or nothing changes); a cover that stays in the album;
 * concurrent appends; long albums paged by position; hostile input refused with nothing changed.
 */
class AlbumsApiTest {

    static String create(BrowserClient owner, String body) {
        HttpResponse<String> created = owner.json("POST", "/api/v1/albums", body);
        assertEquals(201, created.statusCode(), created.body());
        return (String) json(created).get("id");
    }

    static Map<String, Object> album(BrowserClient client, String id) {
        HttpResponse<String> got = client.get("/api/v1/albums/" + id + "?limit=60");
        assertEquals(200, got.statusCode(), got.body());
        return json(got);
    }

    @SuppressWarnings("unchecked")
    static List<String> postsOf(Map<String, Object> album) {
        return Shelf.ids((Map<String, Object>) album.get("posts"));
    }

    static List<String> postsOf(BrowserClient client, String albumId) {
        return postsOf(album(client, albumId));
    }

    @SuppressWarnings("unchecked")
    static String coverOf(Map<String, Object> album) {
        Map<String, Object> cover = (Map<String, Object>) album.get("cover");
        return cover == null ? null : (String) cover.get("id");
    }

    static HttpResponse<String> add(BrowserClient owner, String albumId, String postId) {
        return owner.json("POST", "/api/v1/albums/" + albumId + "/posts", "{\"post\": \"" + postId + "\"}");
    }

    static List<String> listed(BrowserClient client, String path) {
        HttpResponse<String> list = client.get(path);
        assertEquals(200, list.statusCode(), list.body());
        return Shelf.ids(json(list));
    }

    static String order(List<String> ids) {
        return "{\"posts\": [" + String.join(", ", ids.stream().map(id -> "\"" + id + "\"").toList()) + "]}";
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void albumsAreCreatedEditedDeletedAndPrivateOnesStayWithTheirOwner(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Shelf shelf = new Shelf(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient other = community.artist("sculptor");
            BrowserClient visitor = community.visitor();

            HttpResponse<String> created = painter.json("POST", "/api/v1/albums",
                    "{\"title\": \"  Harbours  \", \"description\": \"Blue <b>things</b>\\nby the sea\","
                            + " \"visibility\": \"public\"}");
            assertEquals(201, created.statusCode(), created.body());
            Map<String, Object> harbours = json(created);
            String open = (String) harbours.get("id");
            assertEquals("Harbours", harbours.get("title"));
            assertEquals("Blue <b>things</b>\nby the sea", harbours.get("description"), "plain text, kept as typed");
            assertEquals("public", harbours.get("visibility"));
            assertEquals(0, ((Number) harbours.get("postCount")).intValue());
            assertNull(harbours.get("cover"));
            assertEquals(Map.of("username", "painter", "displayName", "painter"), harbours.get("owner"));
            String hidden = create(painter, "{\"title\": \"Studies\"}");
            assertEquals("private", album(painter, hidden).get("visibility"), "albums are private unless told");

            // a private album is its owner's alone; a public one anyone's
            assertEquals(200, visitor.get("/api/v1/albums/" + open).statusCode());
            for (BrowserClient outsider : List.of(other, visitor, community.admin())) {
                HttpResponse<String> refused = outsider.get("/api/v1/albums/" + hidden);
                assertEquals(404, refused.statusCode());
                assertTrue(refused.body().contains("No such album"), refused.body());
                assertEquals(List.of(open), listed(outsider, "/api/v1/accounts/painter/albums"));
            }
            assertEquals(List.of(hidden, open), listed(painter, "/api/v1/accounts/painter/albums"),
                    "the owner sees both, most recently changed first");
            assertEquals(404, visitor.get("/api/v1/accounts/nobody/albums").statusCode());

            // nobody else changes or deletes it
            String work = shelf.publish(other, "public");
            assertEquals(404, other.json("PATCH", "/api/v1/albums/" + open, "{\"title\": \"Mine\"}").statusCode());
            assertEquals(404, other.json("PATCH", "/api/v1/albums/" + hidden, "{\"visibility\": \"public\"}").statusCode());
            assertEquals(401, visitor.json("PATCH", "/api/v1/albums/" + open, "{\"title\": \"Mine\"}").statusCode());
            assertEquals(404, other.json("DELETE", "/api/v1/albums/" + open, "").statusCode());
            assertEquals(404, add(other, open, work).statusCode());
            assertEquals("Harbours", album(visitor, open).get("title"));
            assertEquals(List.of(), postsOf(painter, open));

            // the owner edits
            HttpResponse<String> edited = painter.json("PATCH", "/api/v1/albums/" + hidden,
                    "{\"title\": \"Studies, 2026\", \"description\": \"Sketchbook\", \"visibility\": \"public\"}");
            assertEquals(200, edited.statusCode(), edited.body());
            assertEquals("Studies, 2026", json(edited).get("title"));
            assertEquals("Sketchbook", album(other, hidden).get("description"), "now public");
            assertEquals(200, painter.json("PATCH", "/api/v1/albums/" + hidden, "{\"visibility\": \"private\"}")
                    .statusCode());
            assertEquals(404, other.get("/api/v1/albums/" + hidden).statusCode(), "private again");
            assertEquals("Studies, 2026", album(painter, hidden).get("title"), "fields not given are kept");

            // a block either way hides the owner's albums
            shelf.block("painter", "sculptor");
            assertEquals(404, other.get("/api/v1/albums/" + open).statusCode());
            assertEquals(List.of(), listed(other, "/api/v1/accounts/painter/albums"));
            shelf.unblock("painter", "sculptor");
            shelf.block("sculptor", "painter");
            assertEquals(404, other.get("/api/v1/albums/" + open).statusCode());
            shelf.unblock("sculptor", "painter");

            // deleting an album leaves its posts alone
            assertEquals(201, add(painter, open, work).statusCode());
            assertEquals(204, painter.json("DELETE", "/api/v1/albums/" + open, "").statusCode());
            assertEquals(404, painter.get("/api/v1/albums/" + open).statusCode());
            assertEquals(404, painter.json("DELETE", "/api/v1/albums/" + open, "").statusCode());
            assertEquals(200, visitor.get("/api/v1/posts/" + work).statusCode());
            assertEquals(0, shelf.count("SELECT COUNT(*) FROM album_posts"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void albumsHoldOwnAndOthersPostsShownAsEachViewerMaySeeThem(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Shelf shelf = new Shelf(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient collector = community.artist("collector");
            BrowserClient stranger = community.artist("stranger");
            BrowserClient visitor = community.visitor();
            String own = shelf.publish(collector, "public");
            String theirs = shelf.publish(painter, "public");
            String forFollowers = shelf.publish(painter, "followers");
            String favourites = create(collector, "{\"title\": \"Favourites\", \"visibility\": \"public\"}");

            assertEquals(201, add(collector, favourites, own).statusCode());
            assertEquals(201, add(collector, favourites, theirs).statusCode());
            HttpResponse<String> refused = add(collector, favourites, forFollowers);
            assertEquals(404, refused.statusCode(), "not a follower yet: the post is not the collector's to see");
            assertTrue(refused.body().contains("No such post"), refused.body());
            shelf.follow("collector", "painter");
            assertEquals(201, add(collector, favourites, forFollowers).statusCode());
            HttpResponse<String> again = add(collector, favourites, theirs);
            assertEquals(200, again.statusCode(), again.body());
            assertEquals(false, json(again).get("added"));
            assertEquals(List.of(own, theirs, forFollowers), postsOf(collector, favourites));

            // the followers-only post stays with the painter's followers, album or not
            for (BrowserClient outsider : List.of(visitor, stranger)) {
                Map<String, Object> seen = album(outsider, favourites);
                assertEquals(List.of(own, theirs), postsOf(seen));
                assertEquals(2, ((Number) seen.get("postCount")).intValue());
                assertFalse(seen.containsKey("coverChosen"), "the owner's choice is the owner's");
                assertEquals(own, coverOf(seen), "no cover chosen: the first visible post");
            }
            assertEquals(List.of(own, theirs, forFollowers), postsOf(painter, favourites), "the author sees it");

            // a chosen cover shows to those who may see it; the others get the first post they see
            assertEquals(200, collector.json("PATCH", "/api/v1/albums/" + favourites,
                    "{\"cover\": \"" + forFollowers + "\"}").statusCode());
            Map<String, Object> mine = album(collector, favourites);
            assertEquals(forFollowers, coverOf(mine));
            assertEquals(forFollowers, mine.get("coverChosen"));
            assertEquals(own, coverOf(album(visitor, favourites)));

            // someone who may not see the post cannot put it in an album either
            String strangers = create(stranger, "{\"title\": \"Mine\"}");
            assertEquals(404, add(stranger, strangers, forFollowers).statusCode());
            assertEquals(List.of(), postsOf(stranger, strangers));

            // which of my albums hold this post
            String other = create(collector, "{\"title\": \"Other\"}");
            assertEquals(List.of(favourites), listed(collector, "/api/v1/posts/" + forFollowers + "/albums"));
            assertEquals(201, add(collector, other, forFollowers).statusCode());
            assertEquals(List.of(other, favourites), listed(collector, "/api/v1/posts/" + forFollowers + "/albums"));
            assertEquals(List.of(), listed(painter, "/api/v1/posts/" + forFollowers + "/albums"),
                    "the painter's own albums, not the collector's");
            assertEquals(404, stranger.get("/api/v1/posts/" + forFollowers + "/albums").statusCode());
            assertEquals(401, visitor.get("/api/v1/posts/" + theirs + "/albums").statusCode());
            Collections service = shelf.service();
            assertEquals(List.of(other, favourites), service.albumsContaining(shelf.viewer("collector"),
                    shelf.postId(forFollowers)).stream().map(a -> a.record().publicId()).toList());

            // an unfollow hides it from the collector too; a deleted post leaves the album
            shelf.unfollow("collector", "painter");
            Map<String, Object> afterUnfollow = album(collector, favourites);
            assertEquals(List.of(own, theirs), postsOf(afterUnfollow));
            assertEquals(own, coverOf(afterUnfollow), "the chosen cover is hidden: the first visible shows");
            assertEquals(204, painter.json("DELETE", "/api/v1/posts/" + theirs, "").statusCode());
            assertEquals(List.of(own), postsOf(visitor, favourites));
            assertEquals(3, shelf.count("SELECT COUNT(*) FROM album_posts"),
                    "the collector's own work once, the followers-only post in two albums");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void reorderTakesExactlyTheAlbumsPostsAndTheCoverStaysInTheAlbum(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Shelf shelf = new Shelf(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient friend = community.artist("friend");
            String a = shelf.publish(painter, "public");
            String b = shelf.publish(painter, "public");
            String c = shelf.publish(painter, "public");
            String d = shelf.publish(painter, "public");
            String outside = shelf.publish(friend, "public");
            String albumId = create(painter, "{\"title\": \"Series\", \"visibility\": \"public\"}");
            for (String post : List.of(a, b, c, d)) {
                assertEquals(201, add(painter, albumId, post).statusCode());
            }
            assertEquals(List.of(a, b, c, d), postsOf(painter, albumId), "appended in order");

            HttpResponse<String> reordered = painter.json("PUT", "/api/v1/albums/" + albumId + "/order",
                    order(List.of(d, b, a, c)));
            assertEquals(200, reordered.statusCode(), reordered.body());
            assertEquals(List.of(d, b, a, c), postsOf(json(reordered)));
            assertEquals(List.of(d, b, a, c), postsOf(community.visitor(), albumId));

            Map<String, String> refused = new java.util.LinkedHashMap<>();
            refused.put(order(List.of(d, b, a)), "Missing: " + c);
            refused.put(order(List.of(d, b, a, c, outside)), "Not in the album: " + outside);
            refused.put(order(List.of(d, b, a, outside)), "Missing: " + c);
            refused.put(order(List.of(d, b, a, c, c)), "more than once");
            refused.put(order(List.of(d, b, a, "nonsense")), "Not in the album: nonsense");
            refused.put(order(List.of()), "Missing");
            refused.put("{\"posts\": \"" + d + "\"}", "must be a list of strings");
            refused.put("{\"posts\": [1, 2, 3, 4]}", "must be a list of strings");
            refused.put("{\"order\": [\"" + d + "\"]}", "Give the new order");
            refused.put("[\"" + d + "\"]", "JSON object");
            List<String> many = new ArrayList<>();
            for (int i = 0; i < Collections.MAX_ALBUM_POSTS + 1; i++) {
                many.add("p" + i);
            }
            refused.put(order(many), "at most 1000");
            for (Map.Entry<String, String> e : refused.entrySet()) {
                HttpResponse<String> response = painter.json("PUT", "/api/v1/albums/" + albumId + "/order", e.getKey());
                assertEquals(400, response.statusCode(), e.getKey().substring(0, Math.min(80, e.getKey().length())));
                assertTrue(response.body().contains(e.getValue()), response.body());
            }
            assertEquals(404, friend.json("PUT", "/api/v1/albums/" + albumId + "/order", order(List.of(a, b, c, d)))
                    .statusCode(), "someone else's album");
            assertEquals(List.of(d, b, a, c), postsOf(painter, albumId), "every refusal changed nothing");

            // the cover must be in the album
            for (String body : List.of("{\"cover\": \"" + outside + "\"}", "{\"cover\": \"nonsense\"}")) {
                HttpResponse<String> response = painter.json("PATCH", "/api/v1/albums/" + albumId, body);
                assertEquals(400, response.statusCode(), body);
                assertTrue(response.body().contains("one of the album's posts"), response.body());
            }
            assertEquals(400, painter.json("PATCH", "/api/v1/albums/" + albumId, "{\"cover\": 3}").statusCode());
            assertNull(album(painter, albumId).get("coverChosen"));
            assertEquals(d, coverOf(album(painter, albumId)), "no choice: the first post");
            assertEquals(200, painter.json("PATCH", "/api/v1/albums/" + albumId, "{\"cover\": \"" + b + "\"}")
                    .statusCode());
            assertEquals(b, album(painter, albumId).get("coverChosen"));
            assertEquals(b, coverOf(album(friend, albumId)));

            // taking the cover out of the album clears it
            assertEquals(204, painter.json("DELETE", "/api/v1/albums/" + albumId + "/posts/" + b, "").statusCode());
            Map<String, Object> afterRemoval = album(painter, albumId);
            assertNull(afterRemoval.get("coverChosen"));
            assertEquals(d, coverOf(afterRemoval));
            assertEquals(List.of(d, a, c), postsOf(afterRemoval));
            assertEquals(404, painter.json("DELETE", "/api/v1/albums/" + albumId + "/posts/" + b, "").statusCode());
            assertEquals(404, friend.json("DELETE", "/api/v1/albums/" + albumId + "/posts/" + a, "").statusCode());
            assertEquals(List.of(d, a, c), postsOf(painter, albumId));

            // deleting the cover post clears it too
            assertEquals(200, painter.json("PATCH", "/api/v1/albums/" + albumId, "{\"cover\": \"" + a + "\"}")
                    .statusCode());
            assertEquals(204, painter.json("DELETE", "/api/v1/posts/" + a, "").statusCode());
            Map<String, Object> afterDelete = album(painter, albumId);
            assertNull(afterDelete.get("coverChosen"));
            assertEquals(List.of(d, c), postsOf(afterDelete));

            // and "cover": null goes back to the first post
            assertEquals(200, painter.json("PATCH", "/api/v1/albums/" + albumId, "{\"cover\": \"" + c + "\"}")
                    .statusCode());
            assertEquals(c, coverOf(album(painter, albumId)));
            assertEquals(200, painter.json("PATCH", "/api/v1/albums/" + albumId, "{\"cover\": null}").statusCode());
            assertNull(album(painter, albumId).get("coverChosen"));
            assertEquals(d, coverOf(album(painter, albumId)));

            // a post the owner can no longer see keeps its place while the owner reorders the rest
            String followersOnly = shelf.publish(friend, "followers");
            shelf.follow("painter", "friend");
            assertEquals(201, add(painter, albumId, followersOnly).statusCode());
            assertEquals(200, painter.json("PUT", "/api/v1/albums/" + albumId + "/order",
                    order(List.of(d, followersOnly, c))).statusCode());
            shelf.unfollow("painter", "friend");
            assertEquals(List.of(d, c), postsOf(painter, albumId));
            assertEquals(400, painter.json("PUT", "/api/v1/albums/" + albumId + "/order",
                    order(List.of(c, followersOnly, d))).statusCode(), "only what the owner sees is listed");
            assertEquals(200, painter.json("PUT", "/api/v1/albums/" + albumId + "/order", order(List.of(c, d)))
                    .statusCode());
            shelf.follow("painter", "friend");
            assertEquals(List.of(c, followersOnly, d), postsOf(painter, albumId));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void concurrentAppendsGetDistinctPositionsAndLongAlbumsPageInOrder(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Shelf shelf = new Shelf(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient visitor = community.visitor();
            int threads = 6;
            int perThread = 4;
            List<List<String>> works = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(shelf.publish(painter, t == 2 && i == 1 ? "followers" : "public"));
                }
                works.add(mine);
            }
            String hidden = works.get(2).get(1);
            String albumId = create(painter, "{\"title\": \"Everything\", \"visibility\": \"public\"}");

            // each thread appends its own works and, at the same time, one of its neighbour's
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<String> mine = new ArrayList<>(works.get(t));
                mine.add(1, works.get((t + 1) % threads).get(0));
                results.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (String post : mine) {
                        statuses.add(add(painter, albumId, post).statusCode());
                    }
                    return statuses;
                }));
            }
            start.countDown();
            int added = 0;
            for (Future<List<Integer>> result : results) {
                for (int status : result.get()) {
                    assertTrue(status == 201 || status == 200, "status " + status);
                    added += status == 201 ? 1 : 0;
                }
            }
            pool.shutdown();
            int total = threads * perThread;
            assertEquals(total, added, "each post added exactly once, however the appends raced");
            long internalAlbumId = instance.atelier().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM albums WHERE public_id = :id").bind("id", albumId).mapTo(Long.class).one());
            assertEquals(total, shelf.count("SELECT COUNT(*) FROM album_posts WHERE album_id = ?", internalAlbumId));
            assertEquals(total, shelf.count("SELECT COUNT(DISTINCT position) FROM album_posts WHERE album_id = ?",
                    internalAlbumId), "distinct positions");

            // the owner (the author) pages through all of them in album order, each once
            List<String> inOrder = postsOf(painter, albumId);
            assertEquals(total, inOrder.size());
            Shelf.Paged owners = Shelf.readAll(painter, "/api/v1/albums/" + albumId + "?limit=5", "posts");
            assertEquals(inOrder, owners.ids());
            assertEquals(List.of(5, 5, 5, 5, 4), owners.pageSizes());

            // a visitor pages through the same order without the followers-only post, pages kept full
            List<String> visible = inOrder.stream().filter(id -> !id.equals(hidden)).toList();
            Shelf.Paged visitors = Shelf.readAll(visitor, "/api/v1/albums/" + albumId + "?limit=5", "posts");
            assertEquals(visible, visitors.ids());
            assertEquals(List.of(5, 5, 5, 5, 3), visitors.pageSizes());

            // after a reorder, pages follow the new order
            List<String> reversed = new ArrayList<>(inOrder);
            java.util.Collections.reverse(reversed);
            assertEquals(200, painter.json("PUT", "/api/v1/albums/" + albumId + "/order", order(reversed)).statusCode());
            assertEquals(reversed, Shelf.readAll(painter, "/api/v1/albums/" + albumId + "?limit=7", "posts").ids());
            assertEquals(400, visitor.get("/api/v1/albums/" + albumId + "?before=garbage!").statusCode());
            assertEquals(400, visitor.get("/api/v1/albums/" + albumId + "?limit=0").statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void hostileInputIsRefusedAndChangesNothing(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Shelf shelf = new Shelf(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient other = community.artist("sculptor");
            String albumId = create(painter, "{\"title\": \"Kept\", \"description\": \"As it was\"}");
            String work = shelf.publish(painter, "public");
            String hiddenWork = shelf.publish(other, "followers");
            String othersAlbum = create(other, "{\"title\": \"Theirs\", \"visibility\": \"public\"}");
            assertEquals(201, add(painter, albumId, work).statusCode());

            Map<String, String> refused = new java.util.LinkedHashMap<>();
            refused.put("{\"title\": 5}", "must be a string");
            refused.put("{\"title\": \"" + "t".repeat(201) + "\"}", "at most 200");
            refused.put("{\"title\": \"   \"}", "needs a title");
            refused.put("{\"title\": \"two\\nlines\"}", "one line");
            refused.put("{\"title\": \"x\", \"visibility\": \"everyone\"}", "public or private");
            refused.put("{\"title\": \"x\", \"visibility\": true}", "must be a string");
            refused.put("{\"title\": \"x\", \"description\": \"" + "d".repeat(2001) + "\"}", "at most 2000");
            refused.put("{\"title\": \"x\", \"description\": [\"d\"]}", "must be a string");
            refused.put("{\"title\": \"x\", \"cover\": \"" + work + "\"}", "cover");
            refused.put("[\"title\"]", "JSON object");
            for (Map.Entry<String, String> e : refused.entrySet()) {
                HttpResponse<String> response = painter.json("POST", "/api/v1/albums", e.getKey());
                assertEquals(400, response.statusCode(), e.getKey().substring(0, Math.min(60, e.getKey().length())));
                assertTrue(response.body().contains(e.getValue()), response.body());
                if (!e.getKey().contains("cover")) {
                    HttpResponse<String> patched = painter.json("PATCH", "/api/v1/albums/" + albumId, e.getKey());
                    assertEquals(400, patched.statusCode(), patched.body());
                }
            }
            assertEquals(400, painter.json("POST", "/api/v1/albums", "{}").statusCode(), "a title is required");
            Map<String, Object> kept = album(painter, albumId);
            assertEquals("Kept", kept.get("title"));
            assertEquals("As it was", kept.get("description"));
            assertEquals("private", kept.get("visibility"));
            assertEquals(List.of(work), postsOf(kept));
            assertEquals(List.of(albumId), listed(painter, "/api/v1/accounts/painter/albums"), "no album was made");

            // posts: wrong types, someone else's album, invisible or unknown posts
            assertEquals(400, painter.json("POST", "/api/v1/albums/" + albumId + "/posts", "{\"post\": 12}").statusCode());
            assertEquals(400, painter.json("POST", "/api/v1/albums/" + albumId + "/posts", "{}").statusCode());
            assertEquals(404, add(painter, albumId, hiddenWork).statusCode());
            assertEquals(404, add(painter, albumId, "no-such-post").statusCode());
            assertEquals(404, add(painter, othersAlbum, work).statusCode());
            assertEquals(404, painter.json("DELETE", "/api/v1/albums/" + othersAlbum, "").statusCode());
            assertEquals(404, painter.json("PATCH", "/api/v1/albums/" + othersAlbum, "{\"title\": \"Mine\"}").statusCode());
            assertEquals(404, add(painter, "no-such-album", work).statusCode());
            assertEquals(List.of(work), postsOf(painter, albumId));
            assertEquals(List.of(), postsOf(other, othersAlbum));
            assertEquals("Theirs", album(other, othersAlbum).get("title"));

            // at most 200 albums an account (the first 198 written as the service writes them)
            Instant now = Instant.now();
            long painterId = shelf.accountId("painter");
            for (int i = 0; i < Collections.MAX_ALBUMS - 2; i++) {
                shelf.sql("INSERT INTO albums (public_id, owner_id, title, description, visibility, created_at,"
                        + " updated_at) VALUES (?, ?, ?, '', 'private', ?, ?)", "fill" + i, painterId, "Fill " + i, now, now);
            }
            create(painter, "{\"title\": \"Two hundredth\"}");
            HttpResponse<String> tooMany = painter.json("POST", "/api/v1/albums", "{\"title\": \"One too many\"}");
            assertEquals(409, tooMany.statusCode(), tooMany.body());
            assertTrue(tooMany.body().contains("at most 200 albums"), tooMany.body());
            assertEquals(Collections.MAX_ALBUMS, shelf.count("SELECT COUNT(*) FROM albums WHERE owner_id = ?", painterId));
            assertEquals(201, other.json("POST", "/api/v1/albums", "{\"title\": \"Still fine\"}").statusCode(),
                    "the limit is per account");

            // at most 1000 posts an album (999 drafts written as the post service writes them)
            String full = create(other, "{\"title\": \"Full\"}");
            long fullId = instance.atelier().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM albums WHERE public_id = :id").bind("id", full).mapTo(Long.class).one());
            long otherId = shelf.accountId("sculptor");
            instance.atelier().database().jdbi().useTransaction(h -> {
                var posts = h.prepareBatch("INSERT INTO posts (public_id, author_id, description_html, licence,"
                        + " visibility, state, created_at, updated_at) VALUES (?, ?, '', 'all-rights-reserved',"
                        + " 'public', 'draft', ?, ?)");
                for (int i = 0; i < Collections.MAX_ALBUM_POSTS - 1; i++) {
                    posts.add("draft" + i, otherId, now, now);
                }
                posts.execute();
                h.execute("INSERT INTO album_posts (album_id, post_id, position, added_at)"
                        + " SELECT ?, id, id, ? FROM posts WHERE public_id LIKE 'draft%'", fullId, now);
            });
            String last = shelf.publish(other, "public");
            String oneMore = shelf.publish(other, "public");
            assertEquals(201, add(other, full, last).statusCode());
            HttpResponse<String> overfull = add(other, full, oneMore);
            assertEquals(409, overfull.statusCode(), overfull.body());
            assertTrue(overfull.body().contains("at most 1000 posts"), overfull.body());
            assertEquals(List.of(last), postsOf(other, full), "drafts are nobody's to see; the last one is in");
            assertEquals(200, add(other, full, last).statusCode(), "adding one already there is still fine");
        }
    }
}
