package org.atelier.server.feeds;

import static org.atelier.server.feeds.Social.ids;
import static org.atelier.server.feeds.Social.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.server.testplugins.badranking.BadRanker;
import org.atelier.server.testplugins.badranking.BadRankerActivator;
import org.atelier.server.testplugins.ranking.LikesFirstActivator;
import org.atelier.server.testplugins.ranking.LikesFirstRanker;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestBundles;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The home feed with real ranker plugins installed at runtime: a well-behaved one reorders each
 * page within the newest-first window (pages still neither skip nor repeat), and one that throws,
 * hangs, drops, repeats or invents candidates is ignored — the page comes newest first, at once.
 */
class FeedRankerTest {
    private static final String PLUGINS = "/api/v1/admin/plugins";

    private static void install(BrowserClient admin, byte[] jar) {
        HttpResponse<String> installed = admin.raw("POST", PLUGINS, "application/java-archive", jar);
        assertEquals(201, installed.statusCode(), installed.body());
        assertTrue(installed.body().contains("\"active\""), installed.body());
    }

    private static void uninstall(BrowserClient admin, String name) {
        assertEquals(204, admin.raw("DELETE", PLUGINS + "/" + name, "text/plain", new byte[0]).statusCode());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRankerReordersEachPageAndAMisbehavingOneIsIgnored(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Social social = new Social(instance, community);
            BrowserClient reader = community.artist("reader");
            BrowserClient anna = community.artist("anna");
            for (int i = 0; i < 5; i++) {
                community.artist("fan" + i);
            }
            social.follow("reader", "anna");
            assertEquals(200, reader.json("POST", "/api/v1/tags/ink/follow", "").statusCode());
            String p1 = social.publish(anna, "");
            String p2 = social.publish(anna, "");
            String p3 = social.publish(anna, "");
            String p4 = social.publish(anna, "");
            String p5 = social.publish(anna, "\"tags\": [\"ink\"]");
            String p6 = social.publish(anna, "");
            social.likes(p1, "fan0", "fan1", "fan2");
            social.likes(p3, "fan0", "fan1", "fan2", "fan3", "fan4");
            social.likes(p4, "fan0");
            Map<String, Object> chronological = page(reader, "/api/v1/feeds/home?limit=3");
            assertEquals(List.of(p6, p5, p4), ids(chronological));
            assertEquals(ReverseChronological.ID, chronological.get("rankedBy"));

            BrowserClient admin = community.admin();
            install(admin, TestBundles.bundle("org.atelier.test.ranking").activator(LikesFirstActivator.class).build());
            Map<String, Object> first = page(reader, "/api/v1/feeds/home?limit=3");
            assertEquals(LikesFirstRanker.ID, first.get("rankedBy"));
            assertEquals(List.of(p4, p5, p6), ids(first), "liked first, then the followed tag, within the newest three");
            Map<String, Object> second = page(reader, "/api/v1/feeds/home?limit=3&before=" + first.get("next"));
            assertEquals(List.of(p3, p1, p2), ids(second), "the next window, ranked");
            assertEquals(null, second.get("next"));

            for (BadRanker.Mode mode : BadRanker.Mode.values()) {
                String name = "org.atelier.test.badranking-" + mode.name().toLowerCase(java.util.Locale.ROOT);
                install(admin, TestBundles.bundle(name).activator(BadRankerActivator.class).build());
                long started = System.nanoTime();
                Map<String, Object> fallback = page(reader, "/api/v1/feeds/home?limit=3");
                long tookMs = (System.nanoTime() - started) / 1_000_000;
                assertEquals(ReverseChronological.ID, fallback.get("rankedBy"), mode.name());
                assertEquals(List.of(p6, p5, p4), ids(fallback), mode + ": newest first");
                assertEquals(first.get("next"), fallback.get("next"), "the same window");
                assertTrue(tookMs < Ranking.TIMEOUT.toMillis() + 2_500, mode + " took " + tookMs + " ms");
                // once it misbehaved it is rested: no more waiting for it, and the next ranker is used
                long again = System.nanoTime();
                Map<String, Object> rested = page(reader, "/api/v1/feeds/home?limit=3");
                assertTrue((System.nanoTime() - again) / 1_000_000 < Ranking.TIMEOUT.toMillis(), mode.name());
                assertEquals(LikesFirstRanker.ID, rested.get("rankedBy"), mode.name());
                uninstall(admin, name);
            }
            List<String> all = new ArrayList<>(ids(page(reader, "/api/v1/feeds/home?limit=3")));
            all.addAll(ids(second));
            assertEquals(6, all.stream().distinct().count());
            uninstall(admin, "org.atelier.test.ranking");
            assertEquals(List.of(p6, p5, p4), ids(page(reader, "/api/v1/feeds/home?limit=3")));
        }
    }
}
