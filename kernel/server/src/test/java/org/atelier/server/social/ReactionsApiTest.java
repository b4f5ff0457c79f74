package org.atelier.server.social;

import static org.atelier.server.social.SocialTesting.count;
import static org.atelier.server.social.SocialTesting.counters;
import static org.atelier.server.social.SocialTesting.kinds;
import static org.atelier.server.social.SocialTesting.postId;
import static org.atelier.server.social.SocialTesting.publish;
import static org.atelier.server.social.SocialTesting.usernames;
import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Likes and reposts over the API on both databases: idempotent, counted exactly even when many
 * people click at once, only on posts the viewer may see, and never widening a followers-only
 * post's audience.
 */
class ReactionsApiTest {
    private static final int CLIENTS = 8;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void likesAreIdempotentAndCounted(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient fan = community.artist("fan");
            String work = publish(painter, "public", "Harbour");

            HttpResponse<String> liked = fan.json("POST", "/api/v1/posts/" + work + "/like", "");
            assertEquals(200, liked.statusCode(), liked.body());
            assertEquals(true, json(liked).get("liked"));
            assertEquals(1, json(liked).get("likes"));
            assertEquals(1, json(fan.json("POST", "/api/v1/posts/" + work + "/like", "")).get("likes"), "twice is one like");
            assertEquals(1, json(fan.get("/api/v1/posts/" + work)).get("likes"));
            assertEquals(List.of("fan"), usernames(community.visitor().get("/api/v1/posts/" + work + "/likes")));
            assertEquals(List.of("like"), kinds(painter), "one notification, however often the button is pressed");

            // the pages' view: which posts of a page the viewer liked and reposted
            SocialTesting.Services services = SocialTesting.Services.on(instance);
            Viewer fanViewer = instance.atelier().accounts().byUsername("fan").orElseThrow().viewer();
            String other = publish(painter, "public", "Other");
            PostInteractions done = services.reactions().interactions(Optional.of(fanViewer),
                    List.of(postId(instance, work), postId(instance, other)));
            assertTrue(done.liked(postId(instance, work)));
            assertFalse(done.liked(postId(instance, other)));
            assertFalse(done.reposted(postId(instance, work)));
            assertEquals(PostInteractions.NONE, services.reactions().interactions(Optional.empty(),
                    List.of(postId(instance, work))));

            HttpResponse<String> unliked = fan.json("DELETE", "/api/v1/posts/" + work + "/like", "");
            assertEquals(false, json(unliked).get("liked"));
            assertEquals(0, json(unliked).get("likes"));
            assertEquals(0, json(fan.json("DELETE", "/api/v1/posts/" + work + "/like", "")).get("likes"), "never below 0");
            assertEquals(List.of(), kinds(painter), "an unlike takes its notification back");
            assertEquals(List.of(0L, 0L, 0L), counters(instance, work));

            // only on posts the viewer may see, only signed in, only with the CSRF token
            assertEquals(404, fan.json("POST", "/api/v1/posts/nope/like", "").statusCode());
            assertEquals(401, community.visitor().json("POST", "/api/v1/posts/" + work + "/like", "").statusCode());
            String draft = (String) json(painter.json("POST", "/api/v1/posts", "{\"draft\": true}")).get("id");
            assertEquals(404, fan.json("POST", "/api/v1/posts/" + draft + "/like", "").statusCode());
            assertEquals(404, painter.json("POST", "/api/v1/posts/" + draft + "/like", "").statusCode(),
                    "a draft has no audience to react yet, not even its artist");
            assertEquals(404, painter.json("POST", "/api/v1/posts/" + draft + "/comments", "{\"body\": \"x\"}")
                    .statusCode());
            assertEquals(403, fan.send(java.net.http.HttpRequest.newBuilder(fan.base().resolve(
                    "/api/v1/posts/" + work + "/like")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
                    .statusCode());
            assertEquals(0, count(instance, "SELECT COUNT(*) FROM likes"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void concurrentLikesAreCountedExactly(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            String work = publish(painter, "public", "Crowd pleaser");
            List<BrowserClient> fans = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                BrowserClient fan = community.artist("fan" + i);
                fan.csrf();
                fans.add(fan);
            }
            // every fan presses like twice at once, then everyone at once takes it back
            hammer(fans, "POST", "/api/v1/posts/" + work + "/like");
            assertEquals(List.of((long) CLIENTS, 0L, 0L), counters(instance, work));
            assertEquals(CLIENTS, count(instance, "SELECT COUNT(*) FROM likes"));
            hammer(fans, "POST", "/api/v1/posts/" + work + "/repost");
            assertEquals(List.of((long) CLIENTS, (long) CLIENTS, 0L), counters(instance, work));
            hammer(fans, "DELETE", "/api/v1/posts/" + work + "/like");
            assertEquals(List.of(0L, (long) CLIENTS, 0L), counters(instance, work));
            assertEquals(0, count(instance, "SELECT COUNT(*) FROM likes"));
            assertEquals(CLIENTS, count(instance, "SELECT COUNT(*) FROM notifications WHERE kind = 'repost'"));
        }
    }

    /** Each client sends the request twice, all at the same moment; every answer must be 200. */
    private static void hammer(List<BrowserClient> clients, String method, String path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size() * 2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (BrowserClient client : clients) {
                for (int i = 0; i < 2; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return client.json(method, path, "");
                    }));
                }
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.body());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void repostsNeverWidenAFollowersOnlyAudience(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            BrowserClient follower = community.artist("follower");
            BrowserClient stranger = community.artist("stranger");
            assertEquals(200, follower.json("POST", "/api/v1/accounts/painter/follow", "").statusCode());
            String privateWork = publish(painter, "followers", "Only for followers");
            String open = publish(painter, "unlisted", "Anyone with the link");

            HttpResponse<String> refused = follower.json("POST", "/api/v1/posts/" + privateWork + "/repost", "");
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("Followers-only posts cannot be reposted"), refused.body());
            assertEquals(403, painter.json("POST", "/api/v1/posts/" + privateWork + "/repost", "").statusCode());
            assertEquals(404, stranger.json("POST", "/api/v1/posts/" + privateWork + "/repost", "").statusCode());
            assertEquals(404, stranger.json("POST", "/api/v1/posts/" + privateWork + "/like", "").statusCode());
            assertEquals(404, stranger.get("/api/v1/posts/" + privateWork + "/likes").statusCode());
            assertEquals(200, follower.json("POST", "/api/v1/posts/" + privateWork + "/like", "").statusCode(),
                    "a follower may like it");
            assertEquals(List.of(1L, 0L, 0L), counters(instance, privateWork));
            assertEquals(0, count(instance, "SELECT COUNT(*) FROM reposts"));

            HttpResponse<String> reposted = stranger.json("POST", "/api/v1/posts/" + open + "/repost", "");
            assertEquals(200, reposted.statusCode(), reposted.body());
            assertEquals(true, json(reposted).get("reposted"));
            assertEquals(1, json(reposted).get("reposts"));
            assertEquals(List.of("repost", "like", "follow"), kinds(painter));
            assertEquals(0, json(stranger.json("DELETE", "/api/v1/posts/" + open + "/repost", "")).get("reposts"));

            // a block either way stops likes and reposts
            assertEquals(204, painter.json("POST", "/api/v1/accounts/stranger/block", "").statusCode());
            assertEquals(404, stranger.json("POST", "/api/v1/posts/" + open + "/repost", "").statusCode());
            assertEquals(404, stranger.json("POST", "/api/v1/posts/" + open + "/like", "").statusCode());
            assertEquals(204, follower.json("POST", "/api/v1/accounts/painter/block", "").statusCode());
            assertEquals(404, follower.json("POST", "/api/v1/posts/" + open + "/like", "").statusCode());
            assertEquals(List.of(0L, 0L, 0L), counters(instance, open));
        }
    }
}
