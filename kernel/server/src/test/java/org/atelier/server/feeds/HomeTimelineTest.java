package org.atelier.server.feeds;

import static org.atelier.server.feeds.Social.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The materialised home timeline against its definition, the merge of the home's sources: after
 * every one of a long run of random changes made through the API — posts published, edited to
 * another visibility or deleted, reposts made and taken back, follows, mutes, blocks and followed
 * tags made and lifted — the reader's home read from its timeline is the home merged afresh (read
 * again after the timeline is dropped, which makes the next read build it from the merge).
 */
class HomeTimelineTest {
    private static final List<String> ARTISTS = List.of("anna", "bruno", "carla", "dora");
    private static final List<String> TAGS = List.of("ink", "oil");

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theTimelineIsAlwaysTheMergedHome(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Social social = new Social(instance, community);
            BrowserClient reader = community.artist("reader");
            for (String artist : ARTISTS) {
                community.artist(artist);
            }
            // a start where most of what happens reaches the reader; the run changes it from there
            for (String followee : ARTISTS.subList(0, 3)) {
                social.follow("reader", followee);
            }
            Jdbi jdbi = instance.atelier().database().jdbi();
            long readerId = social.id("reader");
            Random random = new Random(20261125);
            List<String> posts = new ArrayList<>();
            List<List<String>> reposts = new ArrayList<>();
            int nonEmpty = 0;
            for (int step = 0; step < 90; step++) {
                String change = change(social, community, random, posts, reposts);
                // small pages, so that paging through the timeline is exercised too
                List<String> fromTimeline = all(reader, "/api/v1/feeds/home?limit=3");
                assertTrue(jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM home_timelines WHERE viewer_id = :v"
                        + " AND ready = TRUE").bind("v", readerId).mapTo(Integer.class).one()) == 1,
                        "the reader's timeline is built again on the read after a change dropped it");
                jdbi.useTransaction(h -> {
                    h.execute("DELETE FROM home_entries WHERE viewer_id = ?", readerId);
                    h.execute("DELETE FROM home_timelines WHERE viewer_id = ?", readerId);
                });
                List<String> merged = all(reader, "/api/v1/feeds/home?limit=3");
                assertEquals(merged, fromTimeline, "after step " + step + " (" + change + ")");
                nonEmpty += merged.isEmpty() ? 0 : 1;
            }
            assertTrue(nonEmpty > 70, "the run kept the home busy: " + nonEmpty + " steps had a non-empty home");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTrimmedTimelineStillPagesThroughTheWholeHome(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Social social = new Social(instance, community);
            BrowserClient reader = community.artist("reader");
            BrowserClient anna = community.artist("anna");
            social.follow("reader", "anna");
            assertEquals(List.of(), all(reader, "/api/v1/feeds/home"));
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 13; i++) {
                published.add(0, social.publish(anna, ""));
            }
            Jdbi jdbi = instance.atelier().database().jdbi();
            long readerId = social.id("reader");
            HomeTimelines timelines = new HomeTimelines(instance.atelier().database(), java.time.Clock.systemUTC());
            assertEquals(1, timelines.trim(5), "13 entries are more than twice 5");
            assertEquals(5, (int) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM home_entries WHERE viewer_id = :v")
                    .bind("v", readerId).mapTo(Integer.class).one()));
            assertEquals(0, timelines.trim(5), "nothing more to trim");
            assertEquals(published, all(reader, "/api/v1/feeds/home?limit=2"),
                    "the newest five from the timeline, the rest merged on read, without gaps or repeats");
            assertEquals(published, all(reader, "/api/v1/feeds/home?limit=4"));
        }
    }

    /** One random change, made through the API; returns what it was, for the failure message. */
    private static String change(Social social, Community community, Random random, List<String> posts,
                                 List<List<String>> reposts) {
        String who = pick(random, ARTISTS);
        String other = random.nextInt(4) == 0 ? "reader" : pick(random, ARTISTS);
        int roll = random.nextInt(100);
        if (roll < 30 || posts.isEmpty()) {
            String visibility = pick(random, List.of("public", "public", "unlisted", "followers"));
            String author = random.nextInt(5) == 0 ? "reader" : who;
            String tags = random.nextBoolean() ? ", \"tags\": [\"" + pick(random, TAGS) + "\"]" : "";
            posts.add(social.publish(community.signedIn(author), "\"visibility\": \"" + visibility + "\"" + tags));
            return author + " publishes a " + visibility + " post" + tags;
        }
        String post = pick(random, posts);
        if (roll < 45) {
            // a repost of a post the reposter cannot see, or a followers-only one, is refused: that is fine
            if (community.signedIn(who).json("POST", "/api/v1/posts/" + post + "/repost", "").statusCode() == 200) {
                reposts.add(List.of(who, post));
            }
            return who + " reposts " + post;
        }
        if (roll < 52 && !reposts.isEmpty()) {
            List<String> repost = reposts.remove(random.nextInt(reposts.size()));
            community.signedIn(repost.get(0)).json("DELETE", "/api/v1/posts/" + repost.get(1) + "/repost", "");
            return repost.get(0) + " takes back a repost of " + repost.get(1);
        }
        if (roll < 66) {
            String follower = random.nextInt(3) == 0 ? who : "reader";
            String followee = follower.equals("reader") ? who : other;
            if (followee.equals(follower)) {
                return "nothing";
            }
            boolean follow = random.nextInt(3) > 0;
            community.signedIn(follower).json(follow ? "POST" : "DELETE", "/api/v1/accounts/" + followee + "/follow", "");
            return follower + (follow ? " follows " : " unfollows ") + followee;
        }
        if (roll < 74) {
            boolean mute = random.nextBoolean();
            if (mute) {
                social.mute("reader", who);
            } else {
                social.unmute("reader", who);
            }
            return "reader " + (mute ? "mutes " : "unmutes ") + who;
        }
        if (roll < 80) {
            String blocker = random.nextBoolean() ? "reader" : who;
            String target = blocker.equals("reader") ? who : "reader";
            boolean block = random.nextInt(3) == 0;
            if (block) {
                social.block(blocker, target);
            } else {
                social.unblock(blocker, target);
            }
            return blocker + (block ? " blocks " : " unblocks ") + target;
        }
        if (roll < 88) {
            String tag = pick(random, TAGS);
            boolean follow = random.nextBoolean();
            if (follow) {
                social.followTag("reader", tag);
            } else {
                social.unfollowTag("reader", tag);
            }
            return "reader " + (follow ? "follows" : "unfollows") + " #" + tag;
        }
        String author = social.authorOf(post);
        if (roll < 96) {
            String visibility = pick(random, List.of("public", "unlisted", "followers"));
            community.signedIn(author).json("PATCH", "/api/v1/posts/" + post, "{\"visibility\": \"" + visibility + "\"}");
            return author + " makes " + post + " " + visibility;
        }
        community.signedIn(author).json("DELETE", "/api/v1/posts/" + post, "");
        posts.remove(post);
        return author + " deletes " + post;
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
