package org.atelier.server.feeds;

import static org.atelier.server.feeds.Social.all;
import static org.atelier.server.feeds.Social.ids;
import static org.atelier.server.feeds.Social.items;
import static org.atelier.server.feeds.Social.page;
import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
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
 * Explore (recent and popular), tag pages and following tags over the API on both databases:
 * only public work, mutes and blocks respected, keyset pages, and hostile parameters refused.
 */
class ExploreAndTagsApiTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void exploreShowsPublicWorkOnlyNewestFirst(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Social social = new Social(instance, community);
            BrowserClient reader = community.artist("reader");
            BrowserClient anna = community.artist("anna");
            BrowserClient bruno = community.artist("bruno");
            BrowserClient muted = community.artist("muted_m");
            BrowserClient blocker = community.artist("blocker");
            social.follow("reader", "anna");
            social.mute("reader", "muted_m");
            social.block("blocker", "reader");
            List<String> open = new ArrayList<>();
            open.add(social.publish(anna, ""));
            String unlisted = social.publish(anna, "\"visibility\": \"unlisted\"");
            String followersOnly = social.publish(anna, "\"visibility\": \"followers\"");
            open.add(social.publish(bruno, ""));
            String mutedPost = social.publish(muted, "");
            String blockerPost = social.publish(blocker, "");
            open.add(social.publish(bruno, ""));
            open.add(social.publish(reader, ""));
            String draft = (String) json(bruno.json("POST", "/api/v1/posts", "{\"draft\": true}")).get("id");
            List<String> newestFirst = new ArrayList<>(open);
            java.util.Collections.reverse(newestFirst);

            assertEquals(newestFirst, all(reader, "/api/v1/feeds/explore?limit=1"),
                    "public work only, newest first, one post a page; no unlisted, followers-only (even followed),"
                            + " muted or blocking authors' posts");
            List<String> visitor = all(community.visitor(), "/api/v1/feeds/explore?sort=recent&limit=2");
            List<String> everyone = new ArrayList<>(newestFirst);
            everyone.add(2, blockerPost);
            everyone.add(3, mutedPost);
            assertEquals(everyone, visitor, "signed out, nobody is muted or blocked");
            for (String hidden : List.of(unlisted, followersOnly, draft)) {
                assertTrue(!visitor.contains(hidden), hidden);
            }

            // a list shows an edit at once, though what posts hold is cached for a few seconds
            String newest = newestFirst.get(0);
            assertEquals(List.of(), items(page(reader, "/api/v1/feeds/explore?limit=1")).get(0).get("tags"));
            assertEquals(200, reader.json("PATCH", "/api/v1/posts/" + newest, "{\"tags\": [\"ink\"]}").statusCode());
            assertEquals(List.of("ink"), items(page(reader, "/api/v1/feeds/explore?limit=1")).get(0).get("tags"));
            assertEquals(204, reader.json("DELETE", "/api/v1/posts/" + newest, "").statusCode());
            assertEquals(newestFirst.get(1), ids(page(reader, "/api/v1/feeds/explore?limit=1")).get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void popularWeighsEngagementAgainstAge(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Social social = new Social(instance, community);
            BrowserClient anna = community.artist("anna");
            String[] fans = new String[12];
            for (int i = 0; i < fans.length; i++) {
                fans[i] = "fan" + i;
                community.artist(fans[i]);
            }
            String quiet = social.publish(anna, "");
            String liked = social.publish(anna, "");
            String loved = social.publish(anna, "");
            String newest = social.publish(anna, "");
            String hiddenButLoved = social.publish(anna, "\"visibility\": \"unlisted\"");
            social.likes(liked, fans[0], fans[1]);
            social.likes(loved, fans);
            social.likes(hiddenButLoved, fans);
            social.repost("fan0", loved);
            // a week-old post with some likes sinks below fresh work: age outweighs a little engagement
            String old = social.publish(anna, "");
            social.likes(old, fans[2], fans[3], fans[4]);
            Instant weekAgo = Instant.now().minus(java.time.Duration.ofDays(7));
            instance.atelier().database().jdbi().useHandle(h -> h.execute(
                    "UPDATE posts SET published_at = ? WHERE id = ?", weekAgo, social.postId(old)));
            // the periodic job's round, as the worker runs it
            Popularity popularity = new Popularity(instance.atelier().database(), instance.atelier().jobs(),
                    Clock.systemUTC());
            assertEquals(2, popularity.refresh(), "the public posts whose counts changed outside the post service");
            assertEquals(0, popularity.refresh(), "nothing changed since");
            popularity.rescore(social.postId(old));

            List<String> expected = List.of(loved, liked, newest, quiet, old);
            assertEquals(expected, all(community.visitor(), "/api/v1/feeds/explore?sort=popular&limit=2"));
            assertEquals(expected, ids(page(community.visitor(), "/api/v1/feeds/explore?sort=popular")));
            assertTrue(Popularity.score(1000, 0, 0, weekAgo) < Popularity.score(0, 0, 0, Instant.now()),
                    "a thousand likes are worth less than a week of age");
            assertTrue(Popularity.score(0, 1, 0, Instant.EPOCH.plusSeconds(1_800_000_000L))
                    > Popularity.score(1, 0, 0, Instant.EPOCH.plusSeconds(1_800_000_000L)), "a repost outweighs a like");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void tagPagesAndFollowingTags(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Social social = new Social(instance, community);
            BrowserClient reader = community.artist("reader");
            BrowserClient anna = community.artist("anna");
            String first = social.publish(anna, "\"tags\": [\"Watercolour\"]");
            social.publish(anna, "\"tags\": [\"watercolour\"], \"visibility\": \"unlisted\"");
            social.publish(anna, "\"tags\": [\"watercolour\"], \"visibility\": \"followers\"");
            social.publish(anna, "\"tags\": [\"ink\"]");
            String second = social.publish(anna, "\"description\": \"#WATERCOLOUR study\"");
            String kanji = social.publish(anna, "\"tags\": [\"水彩\"]");

            Map<String, Object> page = page(community.visitor(), "/api/v1/tags/Watercolour");
            assertEquals("watercolour", page.get("tag"));
            assertEquals(false, page.get("following"));
            assertEquals(List.of(second, first), ids(page));
            assertEquals(List.of(second, first), all(reader, "/api/v1/tags/%23watercolour?limit=1"));
            assertEquals(List.of(kanji), ids(page(reader, "/api/v1/tags/%E6%B0%B4%E5%BD%A9")));
            assertEquals(List.of(), ids(page(reader, "/api/v1/tags/nobody_uses_this")));
            for (String bad : List.of("no%20spaces", "%25_", "dash-ed", "12345", "a".repeat(101), "%23",
                    "x%27%20OR%201%3D1")) {
                HttpResponse<String> refused = reader.get("/api/v1/tags/" + bad);
                assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
                assertEquals(400, reader.json("POST", "/api/v1/tags/" + bad + "/follow", "").statusCode(), bad);
            }

            // following: idempotent, normalised, listed, and reflected on the tag page
            HttpResponse<String> followed = reader.json("POST", "/api/v1/tags/%23WaterColour/follow", "");
            assertEquals(200, followed.statusCode(), followed.body());
            assertEquals(Map.of("tag", "watercolour", "following", true), json(followed));
            assertEquals(200, reader.json("POST", "/api/v1/tags/watercolour/follow", "").statusCode());
            assertEquals(200, reader.json("POST", "/api/v1/tags/%E6%B0%B4%E5%BD%A9/follow", "").statusCode());
            List<Map<String, Object>> list = items(page(reader, "/api/v1/tags/followed"));
            assertEquals(List.of("watercolour", "水彩"), list.stream().map(t -> t.get("tag")).toList());
            assertEquals("/tags/%E6%B0%B4%E5%BD%A9", list.get(1).get("url"));
            assertEquals(true, page(reader, "/api/v1/tags/watercolour").get("following"));
            assertEquals(List.of(kanji, second, first), ids(page(reader, "/api/v1/feeds/home")));
            HttpResponse<String> unfollowed = reader.json("DELETE", "/api/v1/tags/Watercolour/follow", "");
            assertEquals(Map.of("tag", "watercolour", "following", false), json(unfollowed));
            assertEquals(200, reader.json("DELETE", "/api/v1/tags/Watercolour/follow", "").statusCode(), "idempotent");
            assertEquals(List.of("水彩"), items(page(reader, "/api/v1/tags/followed")).stream().map(t -> t.get("tag")).toList());

            // signed out, or without the CSRF token, nothing changes
            BrowserClient visitor = community.visitor();
            assertEquals(401, visitor.json("POST", "/api/v1/tags/ink/follow", "").statusCode());
            assertEquals(401, visitor.get("/api/v1/tags/followed").statusCode());
            HttpResponse<String> forged = reader.send(java.net.http.HttpRequest.newBuilder(
                    reader.base().resolve("/api/v1/tags/ink/follow")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(403, forged.statusCode(), forged.body());
            assertEquals(1, items(page(reader, "/api/v1/tags/followed")).size());

            // at most MAX_FOLLOWED_TAGS
            long readerId = social.id("reader");
            instance.atelier().database().jdbi().useHandle(h -> {
                for (int i = 1; i < Feeds.MAX_FOLLOWED_TAGS; i++) {
                    h.execute("INSERT INTO tag_follows (account_id, tag, created_at) VALUES (?, ?, ?)", readerId,
                            "filler" + i, Instant.now());
                }
            });
            HttpResponse<String> tooMany = reader.json("POST", "/api/v1/tags/ink/follow", "");
            assertEquals(409, tooMany.statusCode(), tooMany.body());
            assertEquals(200, reader.json("POST", "/api/v1/tags/filler7/follow", "").statusCode(), "already followed");
            assertEquals(Feeds.MAX_FOLLOWED_TAGS, items(page(reader, "/api/v1/tags/followed")).size());
            assertEquals(200, reader.get("/api/v1/feeds/home").statusCode(), "a home with the most tags still works");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void hostileParametersAreRefused(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient reader = community.artist("reader");
            for (String path : List.of("/api/v1/feeds/home?limit=0", "/api/v1/feeds/home?limit=61",
                    "/api/v1/feeds/home?limit=ten", "/api/v1/feeds/home?before=not-a-position",
                    "/api/v1/feeds/home?before=" + "A".repeat(500), "/api/v1/feeds/explore?sort=oldest",
                    "/api/v1/feeds/explore?sort=popular&before=%27%3B%20DROP%20TABLE%20posts",
                    "/api/v1/feeds/explore?limit=-1", "/api/v1/tags/ink?before=zzz", "/api/v1/tags/ink?limit=1000000000000")) {
                HttpResponse<String> refused = reader.get(path);
                assertEquals(400, refused.statusCode(), path + ": " + refused.body());
                assertTrue(refused.body().contains("\"error\""), refused.body());
            }
            assertEquals(200, reader.get("/api/v1/feeds/explore").statusCode());
        }
    }
}
