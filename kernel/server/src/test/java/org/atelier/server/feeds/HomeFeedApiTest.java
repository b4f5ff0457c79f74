package org.atelier.server.feeds;

import static org.atelier.server.feeds.Social.all;
import static org.atelier.server.feeds.Social.ids;
import static org.atelier.server.feeds.Social.items;
import static org.atelier.server.feeds.Social.page;
import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The home feed over the API on both databases: what it holds and leaves out, each post once,
 * reposts marked with who reposted, and keyset pages without gaps or repeats while people keep
 * posting and reposting between page fetches.
 */
class HomeFeedApiTest {

    /** Each database, with the reader's home read first (its timeline built empty, then kept by every change) or not. */
    static Stream<Arguments> databasesAndTimelines() {
        return Stream.of(TestDatabase.Kind.values())
                .flatMap(kind -> Stream.of(Arguments.of(kind, false), Arguments.of(kind, true)));
    }

    @ParameterizedTest
    @MethodSource("databasesAndTimelines")
    void homeHoldsTheViewersNetworkOnceAndNothingElse(TestDatabase.Kind kind, boolean readFirst) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Social social = new Social(instance, community);
            BrowserClient reader = community.artist("reader");
            if (readFirst) {
                assertEquals(List.of(), ids(page(reader, "/api/v1/feeds/home")));
            }
            BrowserClient anna = community.artist("anna");
            BrowserClient bruno = community.artist("bruno");
            BrowserClient carla = community.artist("carla");
            BrowserClient muted = community.artist("muted_m");
            BrowserClient blocked = community.artist("blocked_x");
            BrowserClient locked = community.artist("locked_l");
            for (String followee : List.of("anna", "carla", "muted_m", "blocked_x")) {
                social.follow("reader", followee);
            }
            social.requestFollow("reader", "locked_l");
            social.mute("reader", "muted_m");
            social.block("reader", "blocked_x");
            assertEquals(200, reader.json("POST", "/api/v1/tags/Watercolour/follow", "").statusCode());

            String own = social.publish(reader, "");
            String ownFollowersOnly = social.publish(reader, "\"visibility\": \"followers\"");
            String annaPublic = social.publish(anna, "");
            String annaFollowersOnly = social.publish(anna, "\"visibility\": \"followers\"");
            String annaUnlisted = social.publish(anna, "\"visibility\": \"unlisted\"");
            String annaDraft = (String) json(anna.json("POST", "/api/v1/posts",
                    "{\"title\": \"not yet\", \"draft\": true}")).get("id");
            String brunoPublic = social.publish(bruno, "");
            String brunoTagged = social.publish(bruno, "\"tags\": [\"watercolour\"]");
            String brunoTaggedFollowersOnly = social.publish(bruno, "\"tags\": [\"WATERCOLOUR\"], \"visibility\": \"followers\"");
            String brunoTaggedUnlisted = social.publish(bruno, "\"tags\": [\"watercolour\"], \"visibility\": \"unlisted\"");
            String mutedPost = social.publish(muted, "\"tags\": [\"watercolour\"]");
            String blockedPost = social.publish(blocked, "");
            String lockedPublic = social.publish(locked, "");
            String lockedFollowersOnly = social.publish(locked, "\"visibility\": \"followers\"");
            // one post reached three ways (followed author, followed tag, a followed account's repost)
            String annaEverywhere = social.publish(anna, "\"description\": \"wet on wet #Watercolour\"");
            String brunoRepostedByCarla = social.publish(bruno, "");
            social.repost("carla", brunoRepostedByCarla);
            social.repost("carla", annaEverywhere);
            social.repost("muted_m", brunoPublic);
            social.repost("blocked_x", brunoPublic);

            Map<String, Object> home = page(reader, "/api/v1/feeds/home");
            List<String> shown = ids(home);
            assertEquals(List.of(annaEverywhere, brunoRepostedByCarla, brunoTagged, annaUnlisted, annaFollowersOnly,
                    annaPublic, ownFollowersOnly, own), shown, "newest first, reposts at their repost time");
            assertEquals(ReverseChronological.ID, home.get("rankedBy"));
            assertNull(home.get("next"));
            for (String hidden : List.of(annaDraft, brunoPublic, brunoTaggedFollowersOnly, brunoTaggedUnlisted,
                    mutedPost, blockedPost, lockedPublic, lockedFollowersOnly)) {
                assertTrue(!shown.contains(hidden), hidden + " must not be on the home feed");
            }
            Map<String, Object> repost = items(home).get(1);
            assertEquals(Map.of("username", "carla", "displayName", "carla"),
                    Map.of("username", ((Map<?, ?>) repost.get("repostedBy")).get("username"),
                            "displayName", ((Map<?, ?>) repost.get("repostedBy")).get("displayName")));
            assertEquals("bruno", ((Map<?, ?>) repost.get("author")).get("username"));
            assertEquals(1L, ((Number) repost.get("reposts")).longValue());
            assertNull(items(home).get(2).get("repostedBy"), "a post reached through a tag is not a repost");

            // signed out there is no home; someone who follows nobody has an empty one
            assertEquals(401, community.visitor().get("/api/v1/feeds/home").statusCode());
            BrowserClient stranger = community.artist("stranger");
            assertEquals(List.of(), ids(page(stranger, "/api/v1/feeds/home")));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pagesNeitherSkipNorRepeatWhilePeoplePostBetweenFetches(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Social social = new Social(instance, community);
            BrowserClient reader = community.artist("reader");
            BrowserClient anna = community.artist("anna");
            BrowserClient bruno = community.artist("bruno");
            community.artist("carla");
            social.follow("reader", "anna");
            social.follow("reader", "carla");
            assertEquals(200, reader.json("POST", "/api/v1/tags/ink/follow", "").statusCode());
            List<String> before = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                before.add(social.publish(anna, ""));
                before.add(social.publish(bruno, "\"tags\": [\"ink\"]"));
                before.add(social.publish(reader, ""));
            }
            social.repost("carla", before.get(1));
            List<String> expected = new java.util.ArrayList<>(before);
            java.util.Collections.reverse(expected);
            expected.remove(before.get(1));
            expected.add(0, before.get(1));
            assertEquals(expected, all(reader, "/api/v1/feeds/home?limit=12"), "one page, for reference");

            List<String> seen = new java.util.ArrayList<>();
            String next = null;
            List<String> arrived = new java.util.ArrayList<>();
            List<String> reposted = List.of(expected.get(1), expected.get(2), expected.get(8));
            for (int pageNumber = 0; pageNumber < 20; pageNumber++) {
                Map<String, Object> page = page(reader, "/api/v1/feeds/home?limit=2" + (next == null ? "" : "&before=" + next));
                seen.addAll(ids(page));
                next = (String) page.get("next");
                if (next == null) {
                    break;
                }
                // between fetches: new work arrives; two shown posts and one not shown yet are reposted
                arrived.add(social.publish(pageNumber % 2 == 0 ? anna : bruno, "\"tags\": [\"ink\"]"));
                if (pageNumber == 1) {
                    reposted.forEach(post -> social.repost("carla", post));
                }
            }
            List<String> unmoved = new java.util.ArrayList<>(expected);
            unmoved.remove(expected.get(8));
            assertEquals(unmoved, seen, "every post once, in order; what arrived or was reposted meanwhile went"
                    + " above the first page");

            // from the top again: what arrived and the fresh reposts first, still each post once
            List<String> again = all(reader, "/api/v1/feeds/home?limit=3");
            assertEquals(new HashSet<>(again).size(), again.size(), "no post twice: " + again);
            Set<String> everything = new HashSet<>(before);
            everything.addAll(arrived);
            assertEquals(everything, new HashSet<>(again));
            Set<String> fresh = new HashSet<>(arrived);
            fresh.addAll(reposted);
            assertEquals(fresh, Set.copyOf(again.subList(0, fresh.size())));
        }
    }
}
