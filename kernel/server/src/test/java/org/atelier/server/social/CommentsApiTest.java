package org.atelier.server.social;

import static org.atelier.server.social.SocialTesting.count;
import static org.atelier.server.social.SocialTesting.counters;
import static org.atelier.server.social.SocialTesting.items;
import static org.atelier.server.social.SocialTesting.kinds;
import static org.atelier.server.social.SocialTesting.notifications;
import static org.atelier.server.social.SocialTesting.publish;
import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Threaded comments over the API on both databases: reading order and depth, paging top-level
 * comments, who is notified, who may delete and what deleting leaves, and hostile input refused
 * with nothing changed.
 */
class CommentsApiTest {

    /** Comments and returns the new comment's id. */
    static String comment(BrowserClient client, String post, String body, String inReplyTo) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("body", body);
        fields.put("inReplyTo", inReplyTo);
        HttpResponse<String> created = client.json("POST", "/api/v1/posts/" + post + "/comments",
                new String(Json.write(fields), StandardCharsets.UTF_8));
        assertEquals(201, created.statusCode(), created.body());
        return (String) json(created).get("id");
    }

    static List<Map<String, Object>> thread(BrowserClient client, String post) {
        return items(client.get("/api/v1/posts/" + post + "/comments"));
    }

    static List<Object> field(List<Map<String, Object>> comments, String name) {
        return comments.stream().map(c -> c.get(name)).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void threadsReadInOrderWithCappedDepthAndPageByTopLevelComment(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient alice = community.artist("alice");
            BrowserClient bob = community.artist("bob");
            String work = publish(painter, "public", "Harbour");

            String a = comment(alice, work, "First! **bold**", null);
            String b = comment(bob, work, "Second", null);
            String a1 = comment(bob, work, "Reply to first", a);
            String a1a = comment(alice, work, "Reply to the reply", a1);
            String a2 = comment(painter, work, "Thanks", a);
            List<String> chain = new ArrayList<>();
            String parent = b;
            for (int i = 0; i < 10; i++) {
                parent = comment(i % 2 == 0 ? alice : bob, work, "deeper " + i, parent);
                chain.add(parent);
            }

            List<Map<String, Object>> comments = thread(community.visitor(), work);
            List<Object> expectedIds = new ArrayList<>(List.of(a, a1, a1a, a2, b));
            expectedIds.addAll(chain);
            assertEquals(expectedIds, field(comments, "id"), "top-level oldest first, replies under their parent");
            List<Object> expectedParents = new ArrayList<>(java.util.Arrays.asList(null, a, a1, a, null, b));
            expectedParents.addAll(chain.subList(0, 9));
            assertEquals(expectedParents, field(comments, "parentId"));
            assertEquals(List.of(0, 1, 2, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8), field(comments, "depth"),
                    "indentation stops at " + Comments.MAX_DEPTH);
            Map<String, Object> first = comments.get(0);
            assertEquals("visible", first.get("state"));
            assertEquals("alice", ((Map<?, ?>) first.get("author")).get("username"));
            assertTrue(((String) first.get("bodyHtml")).contains("<strong>bold</strong>"), first.toString());
            assertEquals(false, first.get("deletable"), "a visitor deletes nothing");
            assertEquals(List.of(0L, 0L, 15L), counters(instance, work));
            assertEquals(15, json(community.visitor().get("/api/v1/posts/" + work)).get("comments"));

            // one top-level comment per page: each page carries its whole thread
            HttpResponse<String> page1 = community.visitor().get("/api/v1/posts/" + work + "/comments?limit=1");
            assertEquals(List.of(a, a1, a1a, a2), field(items(page1), "id"));
            String next = (String) json(page1).get("next");
            HttpResponse<String> page2 = community.visitor().get("/api/v1/posts/" + work + "/comments?limit=1&after="
                    + next);
            assertEquals(b, items(page2).get(0).get("id"));
            assertEquals(11, items(page2).size());
            assertNull(json(page2).get("next"));

            // the service the pages call gives the same thread, with the viewer's delete rights
            SocialTesting.Services services = SocialTesting.Services.on(instance);
            CommentView.Thread seen = services.comments().thread(java.util.Optional.of(instance.atelier().accounts()
                    .byUsername("painter").orElseThrow().viewer()), work, org.atelier.server.store.Cursor.START, 60);
            assertEquals(expectedIds, seen.comments().stream().map(CommentView::id).toList());
            assertTrue(seen.comments().stream().allMatch(CommentView::deletable), "the artist may delete any");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void repliesNotifyThePostAndParentAuthorsAndMentionsNotifyOnce(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient alice = community.artist("alice");
            BrowserClient bob = community.artist("bob");
            String work = publish(painter, "public", "Harbour");

            String a = comment(alice, work, "Lovely", null);
            assertEquals(List.of("comment"), kinds(painter));
            String reply = comment(bob, work, "Agreed", a);
            assertEquals(List.of("comment", "comment"), kinds(painter));
            assertEquals(List.of("comment"), kinds(alice), "the parent's author hears of the reply");
            Map<String, Object> told = notifications(alice).get(0);
            assertEquals(reply, ((Map<?, ?>) told.get("comment")).get("id"));
            assertEquals(work, ((Map<?, ?>) told.get("post")).get("id"));
            assertEquals("bob", ((Map<?, ?>) told.get("actor")).get("username"));

            comment(painter, work, "Thank you", a);
            assertEquals(2, kinds(painter).size(), "no notification to yourself");
            assertEquals(List.of("comment", "comment"), kinds(alice));
            comment(alice, work, "Adding to my own comment", a);
            assertEquals(2, kinds(alice).size());
            assertEquals(3, kinds(painter).size());

            comment(bob, work, "@alice @painter @bob @nobody @someone@elsewhere.example look", null);
            assertEquals(List.of("mention", "comment", "comment"), kinds(alice));
            assertEquals("comment", kinds(painter).get(0), "the artist is told once, as a comment");
            assertEquals(4, kinds(painter).size());
            assertEquals(List.of(), kinds(bob));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void deletingLeavesAPlaceholderOnlyWhileRepliesNeedIt(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient alice = community.artist("alice");
            BrowserClient bob = community.artist("bob");
            BrowserClient carol = community.artist("carol");
            BrowserClient dave = community.artist("dave");
            String work = publish(painter, "public", "Harbour");
            String a = comment(alice, work, "Top", null);
            String reply = comment(bob, work, "Reply", a);
            String c = comment(carol, work, "Carol's", null);

            HttpResponse<String> refused = dave.json("DELETE", "/api/v1/comments/" + a, "");
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("Only the comment's author"), refused.body());
            assertEquals(403, bob.json("DELETE", "/api/v1/comments/" + a, "").statusCode(), "replying gives no rights");
            assertEquals(401, community.visitor().json("DELETE", "/api/v1/comments/" + a, "").statusCode());
            assertEquals(404, dave.json("DELETE", "/api/v1/comments/unknown", "").statusCode());
            assertEquals(3, count(instance, "SELECT COUNT(*) FROM comments"));

            assertEquals(204, alice.json("DELETE", "/api/v1/comments/" + a, "").statusCode());
            List<Map<String, Object>> comments = thread(bob, work);
            assertEquals(List.of(a, reply, c), field(comments, "id"), "the thread holds");
            assertEquals("deleted", comments.get(0).get("state"));
            assertNull(comments.get(0).get("author"));
            assertEquals("", comments.get(0).get("body"));
            assertEquals(a, comments.get(1).get("parentId"));
            assertEquals(0, count(instance, "SELECT COUNT(*) FROM comments WHERE body = 'Top'"), "nothing of it is kept");
            assertEquals(List.of(0L, 0L, 2L), counters(instance, work));
            assertEquals(404, alice.json("DELETE", "/api/v1/comments/" + a, "").statusCode(), "deleted once");
            HttpResponse<String> toDeleted = alice.json("POST", "/api/v1/posts/" + work + "/comments",
                    "{\"body\": \"hello?\", \"inReplyTo\": \"" + a + "\"}");
            assertEquals(400, toDeleted.statusCode());
            assertTrue(toDeleted.body().contains("deleted"), toDeleted.body());

            // the last reply goes, and the placeholder with it
            assertEquals(204, bob.json("DELETE", "/api/v1/comments/" + reply, "").statusCode());
            assertEquals(List.of(c), field(thread(bob, work), "id"));
            assertEquals(1, count(instance, "SELECT COUNT(*) FROM comments"));
            assertEquals(List.of(0L, 0L, 1L), counters(instance, work));

            // the post's artist and moderators may delete anyone's comment
            assertEquals(204, painter.json("DELETE", "/api/v1/comments/" + c, "").statusCode());
            String d = comment(alice, work, "Spam", null);
            assertEquals(204, community.admin().json("DELETE", "/api/v1/comments/" + d, "").statusCode());
            assertEquals(List.of(), thread(bob, work));
            assertEquals(List.of(0L, 0L, 0L), counters(instance, work));
            assertEquals(0, count(instance, "SELECT COUNT(*) FROM notifications WHERE kind = 'comment'"),
                    "notifications about deleted comments go with them");

            // a post goes with its whole thread
            String e = comment(alice, work, "e", null);
            comment(bob, work, "e1a", comment(alice, work, "e1", e));
            assertEquals(204, painter.json("DELETE", "/api/v1/posts/" + work, "").statusCode());
            assertEquals(0, count(instance, "SELECT COUNT(*) FROM comments"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void hostileCommentsAreRefusedAndChangeNothing(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient alice = community.artist("alice");
            BrowserClient troll = community.artist("troll");
            String work = publish(painter, "public", "Harbour");
            String otherWork = publish(painter, "public", "Another");
            String privateWork = publish(painter, "followers", "Followers only");
            String onOther = comment(alice, otherWork, "elsewhere", null);
            String mine = comment(alice, work, "mine", null);
            assertEquals(204, alice.json("POST", "/api/v1/accounts/troll/block", "").statusCode());

            Map<String, String> refused = new LinkedHashMap<>();
            refused.put("{\"body\": 5}", "must be a string");
            refused.put("{\"body\": \"x\", \"inReplyTo\": 7}", "must be a string");
            refused.put("{\"text\": \"x\"}", "body");
            refused.put("{\"body\": \"   \"}", "empty");
            refused.put("{\"body\": \"" + "x".repeat(6000) + "\"}", "5000");
            refused.put("[\"body\"]", "JSON object");
            refused.put("{\"body\": \"x\", \"inReplyTo\": \"" + onOther + "\"}", "not on this post");
            refused.put("{\"body\": \"x\", \"inReplyTo\": \"nonexistent\"}", "not on this post");
            for (Map.Entry<String, String> e : refused.entrySet()) {
                HttpResponse<String> response = alice.json("POST", "/api/v1/posts/" + work + "/comments", e.getKey());
                assertEquals(400, response.statusCode(), e.getKey().substring(0, Math.min(50, e.getKey().length())));
                assertTrue(response.body().contains(e.getValue()), response.body());
            }
            String ok = "{\"body\": \"hello\"}";
            assertEquals(404, alice.json("POST", "/api/v1/posts/nope/comments", ok).statusCode());
            assertEquals(404, alice.json("POST", "/api/v1/posts/" + privateWork + "/comments", ok).statusCode(),
                    "a non-follower cannot see, so cannot comment");
            assertEquals(404, alice.get("/api/v1/posts/" + privateWork + "/comments").statusCode());
            assertEquals(401, community.visitor().json("POST", "/api/v1/posts/" + work + "/comments", ok).statusCode());
            HttpResponse<String> acrossBlock = troll.json("POST", "/api/v1/posts/" + work + "/comments",
                    "{\"body\": \"x\", \"inReplyTo\": \"" + mine + "\"}");
            assertEquals(403, acrossBlock.statusCode(), "no replies to someone who blocked you");
            String trolled = comment(troll, work, "troll was here", null);
            List<Map<String, Object>> seenByAlice = thread(alice, work);
            assertEquals(List.of(mine, trolled), field(seenByAlice, "id"));
            assertEquals("hidden", seenByAlice.get(1).get("state"), "across a block a comment is only a placeholder");
            assertNull(seenByAlice.get(1).get("author"));
            assertEquals("", seenByAlice.get(1).get("bodyHtml"));
            assertEquals(204, painter.json("POST", "/api/v1/accounts/troll/block", "").statusCode());
            assertEquals(404, troll.json("POST", "/api/v1/posts/" + work + "/comments", ok).statusCode(),
                    "blocked by the artist: no comments");
            assertEquals(400, alice.get("/api/v1/posts/" + work + "/comments?after=garbage!").statusCode());
            assertEquals(400, alice.get("/api/v1/posts/" + work + "/comments?limit=9999").statusCode());

            assertEquals(3, count(instance, "SELECT COUNT(*) FROM comments"));
            assertEquals(List.of(0L, 0L, 2L), counters(instance, work));
            assertEquals(List.of(mine, trolled), field(thread(painter, work), "id"));
        }
    }
}
