package org.atelier.server.feeds;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atelier.plugin.api.detect.Verdict;
import org.atelier.plugin.api.feed.FeedCandidate;
import org.atelier.plugin.api.feed.FeedRequest;
import org.atelier.plugin.api.feed.RankingSettings;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.posts.Post;
import org.atelier.server.posts.PostDao;
import org.atelier.server.posts.Posts;
import org.atelier.server.http.HttpError;
import org.atelier.server.store.Cursor;
import org.atelier.server.store.Database;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The feeds: a viewer's home, explore (recent and popular), and tag pages. Every one is paged by
 * keyset (never OFFSET) and every post on it passes {@link org.atelier.server.posts.PostVisibility}
 * twice: in the query that picks it and in {@link Posts#load}. Thread-safe.
 *
 * <p>The home feed is assembled on read (fan-out-on-read): each source — the viewer's own posts,
 * followed accounts, their reposts, each followed tag — gives its newest entries before the
 * cursor in one query, and {@link HomeMerge} merges them without gaps or repeats. The page is then
 * ordered by the active ranker ({@link Ranking}); the next page still starts where the
 * newest-first window ended, so a ranker can reorder a page but never skip or repeat an entry.
 */
public final class Feeds {
    /** Most tags one account follows: each is one index range of the home query. */
    public static final int MAX_FOLLOWED_TAGS = 100;
    /**
     * Most source rounds for one home page. A round comes up short when a full source's frontier
     * cuts it early, or when its entries are hidden from the viewer or were reposted after the
     * cursor (shown higher up already); the next round continues from its frontier.
     */
    static final int MAX_ROUNDS = 3;
    /** The ranking settings every viewer has until viewers can choose theirs. */
    static final RankingSettings DEFAULT_SETTINGS = new RankingSettings(0.0, Map.of());
    private static final String TAG_SOURCE = ClasspathSqlLocator.create().locate(FeedDao.class, "homeTagSource");

    private final FeedDao dao;
    private final Posts posts;
    private final Ranking ranking;
    private final Clock clock;

    /**
     * Creates the feeds.
     *
     * @param database the database
     * @param posts    the posts, which load what a page shows
     * @param ranking  the home feed's ranking
     * @param clock    the clock
     */
    public Feeds(Database database, Posts posts, Ranking ranking, Clock clock) {
        this.dao = database.jdbi().onDemand(FeedDao.class);
        this.posts = posts;
        this.ranking = ranking;
        this.clock = clock;
    }

    /**
     * A page of the viewer's home feed: published posts they may see by the accounts they follow
     * (accepted follows), posts with tags they follow, reposts by the accounts they follow, and
     * their own posts; each post once; nothing by accounts they muted or that are blocked either
     * way. Newest first by the time each entry reached the feed (publication, or the newest
     * repost), then in the active ranker's order within the page.
     *
     * @param viewer the signed-in viewer
     * @param cursor where the previous page ended ({@link Cursor#START} for the first)
     * @param limit  page size, 1 to {@link Posts#MAX_PAGE}
     * @return the page
     * @throws HttpError 400 for a page size out of range
     */
    public HomePage home(Viewer viewer, Cursor cursor, int limit) {
        int perSource = pageSize(limit);
        Network network = network(viewer);
        StringBuilder tagSources = new StringBuilder();
        Map<String, Object> tagBindings = new HashMap<>();
        for (int i = 0; i < network.tags().size(); i++) {
            tagSources.append(TAG_SOURCE.replace("{src}", Integer.toString(3 + i)).replace("{n}", Integer.toString(i)))
                    .append('\n');
            tagBindings.put("tag" + i, network.tags().get(i));
        }

        Instant now = clock.instant();
        List<HomeMerge.Candidate> window = new ArrayList<>();
        Map<Long, HomeEntry.Reposter> reposters = new HashMap<>();
        Optional<Cursor> frontier = Optional.of(cursor);
        for (int round = 0; round < MAX_ROUNDS && window.size() <= limit && frontier.isPresent(); round++) {
            Cursor from = frontier.get();
            HomeMerge.Round merged = HomeMerge.merge(dao.homeSources(viewer.accountId(), from.at(), from.id(),
                    perSource, network.silenced(), tagSources.toString(), tagBindings), perSource);
            window.addAll(withoutLaterReposts(network, merged.candidates(), from, reposters));
            frontier = merged.frontier();
        }
        Optional<String> next;
        if (window.size() > limit) {
            next = Optional.of(window.get(limit - 1).key().token());
        } else {
            // the rounds ran out (or the sources did) before the page filled: continue from there
            next = frontier.map(Cursor::token);
        }
        List<HomeMerge.Candidate> page = window.subList(0, Math.min(limit, window.size()));
        List<Post> loaded = posts.load(Optional.of(viewer), page.stream().map(HomeMerge.Candidate::postId).toList());
        Ranking.Ranked ranked = ranking.rank(new FeedRequest(viewer.accountId(), candidates(loaded, network), DEFAULT_SETTINGS,
                now));
        Map<Long, Post> byId = loaded.stream().collect(Collectors.toMap(p -> p.record().id(), Function.identity()));
        List<HomeEntry> entries = ranked.order().stream().map(c -> byId.get(c.postId()))
                .map(p -> new HomeEntry(p, Optional.ofNullable(reposters.get(p.record().id()))))
                .toList();
        return new HomePage(entries, next, ranked.rankerId());
    }

    /**
     * The accounts and tags a viewer follows and the accounts silenced for them.
     *
     * @param followees followed accounts (accepted), silenced ones left out
     * @param tags      followed tags, at most {@link #MAX_FOLLOWED_TAGS}
     * @param silenced  accounts the viewer muted or that are blocked either way, and 0 (so that
     *                  the list is never empty)
     */
    private record Network(List<Long> followees, List<String> tags, List<Long> silenced) {
    }

    private Network network(Viewer viewer) {
        Set<Long> followees = new HashSet<>();
        Set<Long> silenced = new HashSet<>(Set.of(0L));
        List<String> tags = new ArrayList<>();
        for (FeedDao.NetworkRow row : dao.network(viewer.accountId())) {
            switch (row.kind()) {
                case "followee" -> followees.add(row.accountId());
                case "silenced" -> silenced.add(row.accountId());
                default -> tags.add(row.tag());
            }
        }
        followees.removeAll(silenced);
        tags.sort(null);
        return new Network(List.copyOf(followees), List.copyOf(tags.subList(0, Math.min(tags.size(), MAX_FOLLOWED_TAGS))),
                List.copyOf(silenced));
    }

    /**
     * Drops the candidates that a followed account reposted at or after the round's start (they
     * appeared higher up, at that repost), and notes who reposted the ones that are reposts.
     */
    private List<HomeMerge.Candidate> withoutLaterReposts(Network network, List<HomeMerge.Candidate> candidates,
                                                          Cursor from, Map<Long, HomeEntry.Reposter> reposters) {
        boolean firstPage = from.equals(Cursor.START);
        if (candidates.isEmpty() || network.followees().isEmpty()
                || (firstPage && candidates.stream().noneMatch(HomeMerge.Candidate::repost))) {
            return candidates;
        }
        Map<Long, HomeMerge.Candidate> byId = new HashMap<>();
        candidates.forEach(c -> byId.put(c.postId(), c));
        Set<Long> shownAbove = new HashSet<>();
        for (FeedDao.FolloweeRepost r : dao.followeeReposts(byId.keySet(), network.followees())) {
            HomeMerge.Candidate c = byId.get(r.postId());
            Cursor key = new Cursor(r.at(), r.postId());
            if (HomeMerge.NEWEST_FIRST.compare(key, from) <= 0) {
                shownAbove.add(r.postId());
            } else if (c.repost() && key.equals(c.key())) {
                reposters.put(r.postId(), new HomeEntry.Reposter(r.username(), r.displayName(), r.at()));
            }
        }
        return candidates.stream().filter(c -> !shownAbove.contains(c.postId())).toList();
    }

    /** The page as the ranker sees it: newest first, with the signals the kernel has. */
    private static List<FeedCandidate> candidates(List<Post> page, Network network) {
        Set<Long> followedAuthors = Set.copyOf(network.followees());
        Set<String> followedTags = Set.copyOf(network.tags());
        List<FeedCandidate> candidates = new ArrayList<>();
        for (Post post : page) {
            var r = post.record();
            Set<String> tags = post.tags().stream().filter(followedTags::contains).collect(Collectors.toSet());
            candidates.add(new FeedCandidate(r.id(), r.authorId(), followedAuthors.contains(r.authorId()), tags,
                    r.publishedAt().orElse(r.createdAt()), r.likeCount(), r.repostCount(), r.commentCount(),
                    Verdict.UNKNOWN, false));
        }
        return candidates;
    }

    /**
     * A page of explore: public posts across the instance the viewer may see, minus authors they
     * muted. Recent pages by time; popular by {@link Popularity}, with its own positions — which is
     * why this takes the {@code before=} token as given rather than a {@link Cursor}.
     *
     * @param viewer who asks, empty when signed out
     * @param sort   the order
     * @param before the previous page's {@code next} token, empty for the first page
     * @param limit  page size, 1 to {@link Posts#MAX_PAGE}
     * @return the page
     * @throws HttpError 400 for a page size out of range, or a token that is not one
     */
    public Posts.Page explore(Optional<Viewer> viewer, ExploreSort sort, Optional<String> before, int limit) {
        Cursor cursor = Cursor.parse(before);
        long viewerId = viewerId(viewer);
        if (sort == ExploreSort.RECENT) {
            return posts.page(viewer, List.of(), dao.exploreRecent(viewerId, cursor.at(), cursor.id(), pageSize(limit)),
                    limit);
        }
        // a popular position travels in the same token as a time position: the score stands in
        // for the milliseconds (Cursor.START's are above every score)
        List<FeedDao.Scored> rows = dao.explorePopular(viewerId, cursor.at().toEpochMilli(), cursor.id(), pageSize(limit));
        List<PostDao.Keyed> keyed = rows.stream()
                .map(r -> new PostDao.Keyed(r.id(), Instant.ofEpochMilli(r.score()))).toList();
        return posts.page(viewer, List.of(), keyed, limit);
    }

    /**
     * A tag's page: public posts with the tag the viewer may see, newest first, minus authors
     * they muted.
     *
     * @param viewer who asks, empty when signed out
     * @param tag    the tag as typed or in a URL ({@code #} optional)
     * @param cursor where the previous page ended
     * @param limit  page size, 1 to {@link Posts#MAX_PAGE}
     * @return the page
     * @throws HttpError 400 for a string that is not a tag, or a page size out of range
     */
    public Posts.Page tag(Optional<Viewer> viewer, String tag, Cursor cursor, int limit) {
        return posts.page(viewer, List.of(), dao.tagPage(viewerId(viewer), TagFollows.key(tag), cursor.at(), cursor.id(),
                pageSize(limit)), limit);
    }

    /** Rows to ask for: one more than the page, so that the last page is known without another query. */
    static int pageSize(int limit) {
        if (limit < 1 || limit > Posts.MAX_PAGE) {
            throw new HttpError(400, "A page holds from 1 to " + Posts.MAX_PAGE + " posts.");
        }
        return limit + 1;
    }

    static long viewerId(Optional<Viewer> viewer) {
        return viewer.map(Viewer::accountId).orElse(0L);
    }
}
