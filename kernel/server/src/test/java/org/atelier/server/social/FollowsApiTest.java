package org.atelier.server.social;

import static org.atelier.server.social.SocialTesting.count;
import static org.atelier.server.social.SocialTesting.kinds;
import static org.atelier.server.social.SocialTesting.publish;
import static org.atelier.server.social.SocialTesting.setLocked;
import static org.atelier.server.social.SocialTesting.signedIn;
import static org.atelier.server.social.SocialTesting.usernames;
import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Follows over the API on both databases: follow and unfollow, locked accounts and their
 * requests, what a follow lets a follower see (and what unfollowing and blocking take away),
 * keyset-paged follower lists, and refusals that change nothing.
 */
class FollowsApiTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void followAndUnfollow(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient fan = community.artist("fan");

            HttpResponse<String> followed = fan.json("POST", "/api/v1/accounts/painter/follow", "");
            assertEquals(200, followed.statusCode(), followed.body());
            assertEquals("accepted", json(followed).get("state"));
            assertEquals("accepted", json(fan.json("POST", "/api/v1/accounts/painter/follow", "")).get("state"),
                    "following twice is harmless");
            assertEquals(1, count(instance, "SELECT COUNT(*) FROM follows"));
            assertEquals(List.of("fan"), usernames(community.visitor().get("/api/v1/accounts/painter/followers")));
            assertEquals(List.of("painter"), usernames(painter.get("/api/v1/accounts/fan/following")));
            assertEquals(List.of(), usernames(painter.get("/api/v1/accounts/painter/following")));
            assertEquals(List.of("follow"), kinds(painter));
            assertEquals("fan", ((Map<?, ?>) SocialTesting.notifications(painter).get(0).get("actor")).get("username"));

            Map<String, Object> seenByFan = json(fan.get("/api/v1/accounts/painter/relationship"));
            assertEquals(true, seenByFan.get("following"));
            assertEquals(false, seenByFan.get("followedBy"));
            assertEquals(true, json(painter.get("/api/v1/accounts/fan/relationship")).get("followedBy"));
            assertEquals(false, json(community.visitor().get("/api/v1/accounts/fan/relationship")).get("followedBy"));

            assertEquals(204, fan.json("DELETE", "/api/v1/accounts/painter/follow", "").statusCode());
            assertEquals(204, fan.json("DELETE", "/api/v1/accounts/painter/follow", "").statusCode(), "twice is harmless");
            assertEquals(List.of(), usernames(community.visitor().get("/api/v1/accounts/painter/followers")));
            assertEquals(List.of(), kinds(painter), "an unfollow takes its notification back");

            HttpResponse<String> self = fan.json("POST", "/api/v1/accounts/fan/follow", "");
            assertEquals(400, self.statusCode());
            assertTrue(self.body().contains("yourself"), self.body());
            assertEquals(404, fan.json("POST", "/api/v1/accounts/nobody/follow", "").statusCode());
            assertEquals(404, fan.json("POST", "/api/v1/accounts/..%2Fadmin/follow", "").statusCode());
            assertEquals(401, community.visitor().json("POST", "/api/v1/accounts/painter/follow", "").statusCode());
            assertEquals(403, fan.send(java.net.http.HttpRequest.newBuilder(fan.base().resolve(
                    "/api/v1/accounts/painter/follow")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
                    .statusCode(), "no CSRF token, no follow");
            assertEquals(0, count(instance, "SELECT COUNT(*) FROM follows"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void lockedAccountsApproveFollowersBeforeTheySeeFollowersOnlyWork(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient fan = community.artist("fan");
            BrowserClient other = community.artist("other");
            setLocked(instance, "painter", true);
            String privateWork = publish(painter, "followers", "For my followers");

            assertEquals("pending", json(fan.json("POST", "/api/v1/accounts/painter/follow", "")).get("state"));
            assertEquals("pending", json(other.json("POST", "/api/v1/accounts/painter/follow", "")).get("state"));
            assertEquals(true, json(fan.get("/api/v1/accounts/painter/relationship")).get("requested"));
            assertEquals(true, json(painter.get("/api/v1/accounts/fan/relationship")).get("requestedBy"));
            assertEquals(List.of("other", "fan"), usernames(painter.get("/api/v1/follow-requests")));
            assertEquals(List.of(), usernames(fan.get("/api/v1/follow-requests")), "requests are the followee's");
            assertEquals(List.of("follow_request", "follow_request"), kinds(painter));
            assertEquals(404, fan.get("/api/v1/posts/" + privateWork).statusCode(), "not while pending");
            assertEquals(List.of(), usernames(fan.get("/api/v1/accounts/painter/followers")));

            // only the followee decides, and only about real requests
            assertEquals(404, fan.json("POST", "/api/v1/follow-requests/other/accept", "").statusCode());
            assertEquals(404, painter.json("POST", "/api/v1/follow-requests/curator/accept", "").statusCode());
            assertEquals(404, painter.json("POST", "/api/v1/follow-requests/nobody/accept", "").statusCode());
            assertEquals(204, painter.json("POST", "/api/v1/follow-requests/fan/accept", "").statusCode());
            assertEquals(204, painter.json("POST", "/api/v1/follow-requests/other/reject", "").statusCode());
            assertEquals(404, painter.json("POST", "/api/v1/follow-requests/fan/accept", "").statusCode(), "done once");
            assertEquals(List.of(), usernames(painter.get("/api/v1/follow-requests")));
            assertEquals(List.of("fan"), usernames(painter.get("/api/v1/accounts/painter/followers")));
            assertEquals(200, fan.get("/api/v1/posts/" + privateWork).statusCode(), "visible once accepted");
            assertEquals(404, other.get("/api/v1/posts/" + privateWork).statusCode(), "a rejected request sees nothing");
            assertEquals(List.of("follow_request"), kinds(painter), "a rejected request's notification goes");

            // unfollowing takes it away again
            assertEquals(204, fan.json("DELETE", "/api/v1/accounts/painter/follow", "").statusCode());
            assertEquals(404, fan.get("/api/v1/posts/" + privateWork).statusCode());

            // and so does a block, in either direction, which also ends the follows both ways
            setLocked(instance, "painter", false);
            assertEquals("accepted", json(fan.json("POST", "/api/v1/accounts/painter/follow", "")).get("state"));
            assertEquals("accepted", json(painter.json("POST", "/api/v1/accounts/fan/follow", "")).get("state"));
            assertEquals(200, fan.get("/api/v1/posts/" + privateWork).statusCode());
            assertEquals(204, fan.json("POST", "/api/v1/accounts/painter/block", "").statusCode());
            assertEquals(0, count(instance, "SELECT COUNT(*) FROM follows"));
            assertEquals(404, fan.get("/api/v1/posts/" + privateWork).statusCode());
            assertEquals(403, fan.json("POST", "/api/v1/accounts/painter/follow", "").statusCode());
            HttpResponse<String> blocked = painter.json("POST", "/api/v1/accounts/fan/follow", "");
            assertEquals(403, blocked.statusCode(), "the blocked side cannot follow either");
            assertTrue(blocked.body().contains("cannot follow"), blocked.body());
            assertEquals(true, json(painter.get("/api/v1/accounts/fan/relationship")).get("blockedBy"));
            assertEquals(List.of("painter"), usernames(fan.get("/api/v1/blocks")));
            assertEquals(0, count(instance, "SELECT COUNT(*) FROM follows"));

            assertEquals(204, fan.json("DELETE", "/api/v1/accounts/painter/block", "").statusCode());
            assertEquals(List.of(), usernames(fan.get("/api/v1/blocks")));
            assertEquals("accepted", json(fan.json("POST", "/api/v1/accounts/painter/follow", "")).get("state"));
            assertEquals(200, fan.get("/api/v1/posts/" + privateWork).statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void followerListsPageByKeysetAndHideBlockedAccounts(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            community.artist("painter");
            List<String> fans = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String name = "fan" + i;
                BrowserClient fan = community.artist(name);
                assertEquals(200, fan.json("POST", "/api/v1/accounts/painter/follow", "").statusCode());
                fans.add(0, name);
            }
            BrowserClient visitor = community.visitor();
            List<String> seen = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                HttpResponse<String> page = visitor.get("/api/v1/accounts/painter/followers?limit=3"
                        + (next == null ? "" : "&before=" + next));
                seen.addAll(usernames(page));
                next = (String) json(page).get("next");
                pages++;
            } while (next != null && pages < 10);
            assertEquals(fans, seen, "newest first, each once");
            assertEquals(3, pages);

            // someone fan3 blocked does not see fan3 in the list, and fan3 does not see them
            BrowserClient fan3 = signedIn(instance, "fan3");
            BrowserClient fan5 = signedIn(instance, "fan5");
            assertEquals(204, fan3.json("POST", "/api/v1/accounts/fan5/block", "").statusCode());
            List<String> seenByFan5 = usernames(fan5.get("/api/v1/accounts/painter/followers?limit=60"));
            assertEquals(6, seenByFan5.size());
            assertFalse(seenByFan5.contains("fan3"));
            assertFalse(usernames(fan3.get("/api/v1/accounts/painter/followers?limit=60")).contains("fan5"));
            assertEquals(7, usernames(visitor.get("/api/v1/accounts/painter/followers?limit=60")).size());

            assertEquals(400, visitor.get("/api/v1/accounts/painter/followers?before=nonsense").statusCode());
            assertEquals(400, visitor.get("/api/v1/accounts/painter/followers?limit=0").statusCode());
            assertEquals(404, visitor.get("/api/v1/accounts/nobody/followers").statusCode());
            assertEquals(401, visitor.get("/api/v1/follow-requests").statusCode());
        }
    }
}
