package org.atelier.server.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.atelier.server.http.Json;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The feed pages without JavaScript, on both databases: a visitor's home shows recent public
 * work, a signed-in home shows followed artists (and reposts, marked as such) but not others'
 * followers-only work; explore, tag pages with follow and unfollow, and search.
 */
class FeedPagesTest {

    private static String post(BrowserClient artist, int seed, String body) {
        String image = Community.upload(artist, Community.artwork(seed, 400, 300), "");
        HttpResponse<String> created = artist.json("POST", "/api/v1/posts",
                "{\"media\": [\"" + image + "\"], " + body + "}");
        assertEquals(201, created.statusCode(), created.body());
        return (String) Json.readObject(created.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .orElseThrow().get("id");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void homeExploreTagsAndSearch(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient ana = community.artist("ana");
            BrowserClient ben = community.artist("ben");
            BrowserClient cy = community.artist("cyd");
            String anaPublic = post(ana, 1, "\"title\": \"Lighthouse study\", \"tags\": [\"seascape\"]");
            String anaPrivate = post(ana, 2, "\"title\": \"Private sketch\", \"visibility\": \"followers\"");
            String benWork = post(ben, 3, "\"title\": \"Forest floor\"");

            HttpResponse<String> visitorHome = community.visitor().get("/");
            assertEquals(200, visitorHome.statusCode());
            assertTrue(visitorHome.body().contains("/posts/" + anaPublic) && visitorHome.body().contains("/posts/" + benWork));
            assertFalse(visitorHome.body().contains("/posts/" + anaPrivate), "followers-only work stays out");

            // cy follows ana; ben's work arrives in cy's feed only as ana's repost
            assertEquals(200, cy.json("POST", "/api/v1/accounts/ana/follow", "").statusCode());
            assertEquals(200, ana.json("POST", "/api/v1/posts/" + benWork + "/repost", "").statusCode());
            String home = cy.get("/").body();
            assertTrue(home.contains("/posts/" + anaPublic) && home.contains("/posts/" + anaPrivate), home);
            assertTrue(home.contains("Reposted by <a href=\"/@ana\">"), home);
            String benHome = ben.get("/").body();
            assertFalse(benHome.contains("/posts/" + anaPrivate), "not a follower");

            String explore = community.visitor().get("/explore?sort=popular").body();
            assertTrue(explore.contains("aria-current=\"page\">Popular"), explore);
            assertEquals(400, community.visitor().get("/explore?sort=loudest").statusCode());

            String tag = community.visitor().get("/tags/seascape").body();
            assertTrue(tag.contains("<h1>#seascape</h1>") && tag.contains("/posts/" + anaPublic), tag);
            assertEquals(303, cy.postForm("/tags/seascape/follow", Map.of()).statusCode());
            assertTrue(cy.get("/tags/seascape").body().contains("Following #seascape"));
            assertTrue(cy.get("/").body().contains("href=\"/tags/seascape\">#seascape</a>"), "followed tags on home");
            assertEquals(303, cy.postForm("/tags/seascape/follow", Map.of("do", "undo")).statusCode());
            assertTrue(cy.get("/tags/seascape").body().contains("Follow #seascape"));

            assertTrue(community.visitor().get("/search?q=lighthouse&type=posts").body().contains("/posts/" + anaPublic));
            assertTrue(community.visitor().get("/search?q=an&type=people").body().contains("href=\"/@ana\""));
            assertTrue(community.visitor().get("/search?q=sea&type=tags").body().contains("href=\"/tags/seascape\""));
            String nothing = community.visitor().get("/search?q=%25_%25&type=posts").body();
            assertTrue(nothing.contains("Nothing found"), "LIKE wildcards are plain text");
            assertFalse(community.visitor().get("/search?q=Private&type=posts").body().contains("/posts/" + anaPrivate));
        }
    }
}
