package org.atelier.server.collections;

import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bookmarks over the API on both databases: idempotent, private to their owner, only of posts the
 * viewer may see, re-checked at every read (a post that becomes invisible leaves the list and
 * comes back when visible again), paged by keyset without gaps or repeats.
 */
class BookmarksApiTest {

    private static List<String> bookmarks(BrowserClient client) {
        HttpResponse<String> list = client.get("/api/v1/bookmarks");
        assertEquals(200, list.statusCode(), list.body());
        return Shelf.ids(json(list));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void bookmarksArePrivateAndFollowWhatTheViewerMaySee(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Shelf shelf = new Shelf(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient reader = community.artist("reader");
            BrowserClient snoop = community.artist("snoop");
            String open = shelf.publish(painter, "public");
            String closed = shelf.publish(painter, "followers");

            // bookmarking twice is one bookmark
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> marked = reader.json("POST", "/api/v1/posts/" + open + "/bookmark", "");
                assertEquals(200, marked.statusCode(), marked.body());
                assertEquals(true, json(marked).get("bookmarked"));
            }
            assertEquals(List.of(open), bookmarks(reader));

            // a followers-only post is not the reader's to bookmark until the reader follows
            assertEquals(404, reader.json("POST", "/api/v1/posts/" + closed + "/bookmark", "").statusCode());
            assertEquals(404, reader.json("POST", "/api/v1/posts/no-such-post/bookmark", "").statusCode());
            assertEquals(List.of(open), bookmarks(reader));
            shelf.follow("reader", "painter");
            assertEquals(200, reader.json("POST", "/api/v1/posts/" + closed + "/bookmark", "").statusCode());
            assertEquals(List.of(closed, open), bookmarks(reader), "newest bookmark first");

            // nobody else reads them, nor does a visitor
            assertEquals(List.of(), bookmarks(snoop));
            assertEquals(401, community.visitor().get("/api/v1/bookmarks").statusCode());
            assertEquals(401, community.visitor().json("POST", "/api/v1/posts/" + open + "/bookmark", "").statusCode());
            assertEquals(200, snoop.json("POST", "/api/v1/posts/" + open + "/bookmark", "").statusCode());
            assertEquals(List.of(open), bookmarks(snoop));
            assertEquals(List.of(closed, open), bookmarks(reader));

            // the pages' one-query check
            Collections service = shelf.service();
            assertEquals(Set.of(shelf.postId(open), shelf.postId(closed)), service.bookmarked(
                    Optional.of(shelf.viewer("reader")), List.of(shelf.postId(open), shelf.postId(closed))));
            assertEquals(Set.of(shelf.postId(open)), service.bookmarked(Optional.of(shelf.viewer("snoop")),
                    List.of(shelf.postId(open), shelf.postId(closed))));
            assertEquals(Set.of(), service.bookmarked(Optional.empty(), List.of(shelf.postId(open))));

            // an unfollow hides the followers-only bookmark; following again brings it back
            shelf.unfollow("reader", "painter");
            assertEquals(List.of(open), bookmarks(reader));
            shelf.follow("reader", "painter");
            assertEquals(List.of(closed, open), bookmarks(reader));

            // a block either way hides both; lifting it brings them back
            shelf.block("painter", "reader");
            assertEquals(List.of(), bookmarks(reader));
            shelf.unblock("painter", "reader");
            shelf.block("reader", "painter");
            assertEquals(List.of(), bookmarks(reader));
            shelf.unblock("reader", "painter");
            assertEquals(List.of(closed, open), bookmarks(reader));

            // taking away is idempotent, and works on a bookmark of a post no longer visible
            shelf.unfollow("reader", "painter");
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> unmarked = reader.json("DELETE", "/api/v1/posts/" + closed + "/bookmark", "");
                assertEquals(i == 0 ? 200 : 404, unmarked.statusCode(),
                        "the first removes the hidden bookmark; then the post is neither bookmarked nor visible");
            }
            shelf.follow("reader", "painter");
            assertEquals(List.of(open), bookmarks(reader), "the hidden bookmark was really taken away");
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> unmarked = reader.json("DELETE", "/api/v1/posts/" + open + "/bookmark", "");
                assertEquals(200, unmarked.statusCode(), unmarked.body());
                assertEquals(false, json(unmarked).get("bookmarked"));
            }
            assertEquals(List.of(), bookmarks(reader));
            assertEquals(List.of(open), bookmarks(snoop), "someone else's bookmark is untouched");
            assertEquals(404, reader.json("DELETE", "/api/v1/posts/no-such-post/bookmark", "").statusCode());

            // a deleted post leaves every list
            assertEquals(204, painter.json("DELETE", "/api/v1/posts/" + open, "").statusCode());
            assertEquals(List.of(), bookmarks(snoop));
            assertEquals(0, shelf.count("SELECT COUNT(*) FROM bookmarks"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void bookmarksPageByKeysetWithoutGapsOrRepeats(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Shelf shelf = new Shelf(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient reader = community.artist("reader");
            shelf.follow("reader", "painter");
            List<String> works = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                works.add(shelf.publish(painter, "public"));
            }
            String hidden = shelf.publish(painter, "followers");
            for (String work : works) {
                assertEquals(200, reader.json("POST", "/api/v1/posts/" + work + "/bookmark", "").statusCode());
            }
            assertEquals(200, reader.json("POST", "/api/v1/posts/" + hidden + "/bookmark", "").statusCode());
            // bookmarks made in the same millisecond are ordered by post: give three groups one time
            // each, the hidden one amid the middle group, so that ties fall across page boundaries
            Instant base = Instant.parse("2026-03-01T10:00:00Z");
            int[] group = {0, 0, 0, 1, 1, 1, 2};
            for (int i = 0; i < works.size(); i++) {
                setBookmarkTime(shelf, works.get(i), base.plusSeconds(group[i]));
            }
            setBookmarkTime(shelf, hidden, base.plusSeconds(1));
            shelf.unfollow("reader", "painter");

            List<String> expected = new ArrayList<>(works);
            java.util.Collections.reverse(expected);
            Shelf.Paged paged = Shelf.readAll(reader, "/api/v1/bookmarks?limit=2", null);
            assertEquals(expected, paged.ids(), "newest first, ties by post, each once");
            assertEquals(List.of(2, 2, 2, 1), paged.pageSizes(), "the hidden bookmark leaves no hole in a page");

            Shelf.Paged whole = Shelf.readAll(reader, "/api/v1/bookmarks?limit=60", null);
            assertEquals(expected, whole.ids());
            assertNull(json(reader.get("/api/v1/bookmarks?limit=7")).get("next"), "seven fill the last page");

            for (String bad : List.of("limit=0", "limit=61", "limit=many", "before=garbage!")) {
                HttpResponse<String> refused = reader.get("/api/v1/bookmarks?" + bad);
                assertEquals(400, refused.statusCode(), bad);
                assertTrue(refused.body().contains("\"error\""), refused.body());
            }
        }
    }

    private static void setBookmarkTime(Shelf shelf, String publicId, Instant at) {
        shelf.sql("UPDATE bookmarks SET created_at = ? WHERE post_id = ?", at, shelf.postId(publicId));
    }
}
