package org.atelier.server.social;

import static org.atelier.server.social.SocialTesting.count;
import static org.atelier.server.social.SocialTesting.items;
import static org.atelier.server.social.SocialTesting.kinds;
import static org.atelier.server.social.SocialTesting.notifications;
import static org.atelier.server.social.SocialTesting.publish;
import static org.atelier.server.social.SocialTesting.unread;
import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Notifications over the API on both databases: mentions in posts reach only people who may see
 * the post, mutes and blocks silence the muted and blocked, the unread count and marking read,
 * keyset pages, and nobody reads anyone else's.
 */
class NotificationsApiTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void mentionsNotifyOnlyPeopleWhoMaySeeThePost(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient follower = community.artist("follower");
            BrowserClient outsider = community.artist("outsider");
            BrowserClient muter = community.artist("muter");
            BrowserClient blocker = community.artist("blocker");
            assertEquals(200, follower.json("POST", "/api/v1/accounts/painter/follow", "").statusCode());
            assertEquals(204, muter.json("POST", "/api/v1/accounts/painter/mute", "").statusCode());
            assertEquals(204, blocker.json("POST", "/api/v1/accounts/painter/block", "").statusCode());

            String privateWork = publish(painter, "followers", "Thanks @follower and @Outsider!");
            assertEquals(List.of("mention"), kinds(follower));
            Map<String, Object> mention = notifications(follower).get(0);
            assertEquals(privateWork, ((Map<?, ?>) mention.get("post")).get("id"));
            assertNull(mention.get("comment"));
            assertEquals(List.of(), kinds(outsider), "a mentioned non-follower is not told");
            assertEquals(0, count(instance, "SELECT COUNT(*) FROM notifications WHERE recipient_id = ?",
                    SocialTesting.accountId(instance, "outsider")), "not even stored");
            assertEquals(404, outsider.get("/api/v1/posts/" + privateWork).statusCode(), "and cannot see it");

            publish(painter, "public", "Hello @outsider @muter @blocker @painter @nobody @remote@elsewhere.example"
                    + " `@follower` [@follower](https://example.org)");
            assertEquals(List.of("mention"), kinds(outsider));
            assertEquals(List.of(), kinds(muter), "muted authors do not notify");
            assertEquals(List.of(), kinds(blocker), "blocked authors do not notify");
            assertEquals(List.of("follow"), kinds(painter), "no notification to yourself");
            assertEquals(List.of("mention"), kinds(follower), "mentions in code and links notify no one");

            // an edit notifies only the mentions it adds; a draft notifies no one until published
            String draft = (String) json(painter.json("POST", "/api/v1/posts", "{\"draft\": true, \"description\":"
                    + " \"for @outsider\"}")).get("id");
            assertEquals(1, kinds(outsider).size());
            String image = Community.upload(painter, Community.artwork(7, 100, 100), "");
            assertEquals(200, painter.json("PATCH", "/api/v1/posts/" + draft, "{\"publish\": true, \"media\": [\""
                    + image + "\"]}").statusCode());
            assertEquals(2, kinds(outsider).size());
            assertEquals(200, painter.json("PATCH", "/api/v1/posts/" + draft, "{\"description\": \"for @outsider and"
                    + " @follower\"}").statusCode());
            assertEquals(2, kinds(outsider).size());
            assertEquals(List.of("mention", "mention"), kinds(follower));

            // unfollowing hides what the followers-only post told
            assertEquals(204, follower.json("DELETE", "/api/v1/accounts/painter/follow", "").statusCode());
            assertEquals(1, kinds(follower).size());
            assertEquals(1, unread(follower));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void unreadCountMarkReadAndPages(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            String work = publish(painter, "public", "Harbour");
            List<String> fans = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                BrowserClient fan = community.artist("fan" + i);
                assertEquals(200, fan.json("POST", "/api/v1/posts/" + work + "/like", "").statusCode());
                fans.add(0, "fan" + i);
            }
            assertEquals(5, unread(painter));
            assertEquals(0, unread(community.admin()), "nobody else's");
            assertEquals(401, community.visitor().get("/api/v1/notifications").statusCode());
            assertEquals(401, community.visitor().get("/api/v1/notifications/unread-count").statusCode());

            List<Map<String, Object>> all = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                HttpResponse<String> page = painter.get("/api/v1/notifications?limit=2" + (next == null ? ""
                        : "&before=" + next));
                all.addAll(items(page));
                next = (String) json(page).get("next");
                pages++;
            } while (next != null && pages < 10);
            assertEquals(3, pages);
            assertEquals(fans, all.stream().map(n -> ((Map<?, ?>) n.get("actor")).get("username")).toList(),
                    "newest first, each once");
            Map<String, Object> newest = all.get(0);
            assertEquals("like", newest.get("kind"));
            assertEquals(Map.of("id", work, "title", ""), newest.get("post"));
            assertEquals(false, newest.get("read"));
            assertTrue(newest.get("createdAt") instanceof String, newest.toString());

            // mark read up to the third newest: the two newer stay unread
            Number third = (Number) all.get(2).get("id");
            HttpResponse<String> marked = painter.json("POST", "/api/v1/notifications/read", "{\"upTo\": " + third + "}");
            assertEquals(200, marked.statusCode(), marked.body());
            assertEquals(3, json(marked).get("marked"));
            assertEquals(2, json(marked).get("unread"));
            assertEquals(List.of(false, false, true, true, true), notifications(painter).stream().map(n -> n.get("read"))
                    .toList());
            assertEquals(400, painter.json("POST", "/api/v1/notifications/read", "{\"upTo\": \"all\"}").statusCode());
            assertEquals(400, painter.json("POST", "/api/v1/notifications/read", "[1]").statusCode());
            assertEquals(2, unread(painter), "refused requests mark nothing");
            // someone else marking "everything" read touches only their own
            assertEquals(0, json(community.admin().json("POST", "/api/v1/notifications/read", "")).get("marked"));
            assertEquals(2, unread(painter));
            assertEquals(2, json(painter.json("POST", "/api/v1/notifications/read", "")).get("marked"));
            assertEquals(0, unread(painter));

            // muting hides what the muted account did, even before the mute; unmuting shows it again
            BrowserClient fan0 = SocialTesting.signedIn(instance, "fan0");
            assertEquals(200, fan0.json("POST", "/api/v1/accounts/painter/follow", "").statusCode());
            assertEquals(1, unread(painter));
            assertEquals(204, painter.json("POST", "/api/v1/accounts/fan0/mute", "").statusCode());
            assertEquals(0, unread(painter));
            assertEquals(4, notifications(painter).size());
            assertEquals(200, fan0.json("DELETE", "/api/v1/posts/" + work + "/like", "").statusCode());
            assertEquals(200, fan0.json("POST", "/api/v1/posts/" + work + "/like", "").statusCode());
            assertEquals(4, count(instance, "SELECT COUNT(*) FROM notifications WHERE kind = 'like'"),
                    "a muted account's like is not even stored");
            assertEquals(List.of("fan0"), SocialTesting.usernames(painter.get("/api/v1/mutes")));
            assertEquals(204, painter.json("DELETE", "/api/v1/accounts/fan0/mute", "").statusCode());
            assertEquals(List.of(), SocialTesting.usernames(painter.get("/api/v1/mutes")));
            assertEquals(1, unread(painter));
            assertEquals(5, notifications(painter).size());

            HttpResponse<String> self = painter.json("POST", "/api/v1/accounts/painter/mute", "");
            assertEquals(400, self.statusCode());
            assertTrue(self.body().contains("yourself"), self.body());
            assertEquals(400, painter.json("POST", "/api/v1/accounts/painter/block", "").statusCode());
            assertEquals(404, painter.json("POST", "/api/v1/accounts/nobody/mute", "").statusCode());
            assertEquals(0, count(instance, "SELECT COUNT(*) FROM blocks"));
            assertEquals(1, SocialTesting.Services.on(instance).notifications().unreadCount(
                    instance.atelier().accounts().byUsername("painter").orElseThrow().viewer()));
        }
    }
}
