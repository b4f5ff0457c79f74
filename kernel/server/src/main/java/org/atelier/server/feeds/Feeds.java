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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.atelier.plugin.api.detect.Verdict;
import org.atelier.plugin.api.feed.FeedCandidate;
import org.atelier.plugin.api.feed.FeedRequest;
import org.atelier.plugin.api.feed.RankingSettings;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.posts.Post;
import org.atelier.server.posts.PostDao;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.Posts;
import org.atelier.server.http.HttpError;
import org.atelier.server.store.Cursor;
import org.atelier.server.store.Database;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * The feeds: a viewer's home, explore (recent and popular), and tag pages. Every one is paged by
 * keyset (never OFFSET) and every post on it passes {@link org.atelier.server.posts.PostVisibility}
 * in the query that reads it — the list's own query where it reads the rows whole (home from its
 * timeline, explore), else {@link Posts#load}. Thread-safe.
 *
 * <p>What a home holds is defined by a merge on read: each source — the viewer's own posts,
 * followed accounts, their reposts, each followed tag — gives its newest entries before the
 * cursor in one query, and {@link HomeMerge} merges them without gaps or repeats. Pages are read
 * from the viewer's materialised timeline ({@link HomeTimelines}, a copy of that merge kept by
 * fan-out on write) where it holds them, and merged otherwise. The page is then ordered by the
 * active ranker ({@link Ranking}); the next page still starts where the newest-first window
 * ended, so a ranker can reorder a page but never skip or repeat an entry. Explore's first pages
 * are shared between viewers for a second ({@link ExploreFirstPages}).
 */
public final class Feeds {
    /** Most tags one account follows: each is one index range of the home query. */
    public static final int MAX_FOLLOWED_TAGS = 100;
    /**
     * Most reads of the sources for one home page: the first reads them all, each further one only
     * the sources that stopped at the bound (see HomeMerge), usually one busy tag.
     */
    static final int MAX_READS = 6;
    /** The ranking settings every viewer has until viewers can choose theirs. */
    static final RankingSettings DEFAULT_SETTINGS = new RankingSettings(0.0, Map.of());
    private static final int OWN = 0;
    private static final int FOLLOWED = 1;
    private static final int REPOSTS = 2;
    private static final int FIRST_TAG = 3;
    private static final String OWN_SOURCE = source("ownSource");
    private static final String FOLLOWED_SOURCE = source("followedSource");
    private static final String REPOST_SOURCE = source("repostSource");
    private static final String TAG_SOURCE = source("tagSource");

    private final FeedDao dao;
    private final Posts posts;
    private final Ranking ranking;
    private final Clock clock;
    private final HomeTimelines timelines;
    private final ExploreFirstPages firstPages;
    private final SilencedAccounts silenced;

    /**
     * Creates the feeds.
     *
     * @param database the database
     * @param posts    the posts, which load what a page shows
     * @param ranking   the home feed's ranking
     * @param timelines the materialised home timelines
     * @param silenced  who is silenced for whom, for explore's shared first pages
     * @param clock     the clock
     */
    public Feeds(Database database, Posts posts, Ranking ranking, HomeTimelines timelines, SilencedAccounts silenced,
                 Clock clock) {
        this.timelines = timelines;
        this.silenced = silenced;
        this.firstPages = new ExploreFirstPages(this, posts, clock);
        posts.addListener(firstPages);
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
        int batch = pageSize(limit);
        long viewerId = viewer.accountId();
        Optional<List<HomeTimelineDao.Entry>> stored = timelines.page(viewerId, cursor, batch);
        if (stored.isEmpty() && cursor.equals(Cursor.START) && timelines.build(viewerId, () -> seed(viewer))) {
            stored = timelines.page(viewerId, cursor, batch);
        }
        if (stored.isPresent()) {
            List<HomeTimelineDao.Entry> rows = stored.get();
            List<HomeTimelineDao.Entry> page = rows.subList(0, Math.min(limit, rows.size()));
            Map<Long, HomeEntry.Reposter> reposters = new HashMap<>();
            for (HomeTimelineDao.Entry e : page) {
                if (e.reposterUsername() != null) {
                    reposters.put(e.postId(), new HomeEntry.Reposter(e.reposterUsername(), e.reposterName(),
                            e.entryAt()));
                }
            }
            Optional<String> next = rows.size() > limit
                    ? Optional.of(new Cursor(page.get(limit - 1).entryAt(), page.get(limit - 1).postId()).token())
                    : Optional.empty();
            // the timeline's query checked the visibility rule on these rows: only their content is read
            return ranked(viewer, posts.withContent(page.stream().map(HomeTimelineDao.Entry::post).toList()),
                    reposters, next, () -> network(viewer));
        }
        Network network = network(viewer);
        Window window = window(viewer, network, cursor, limit);
        Map<Long, HomeEntry.Reposter> reposters = new HashMap<>();
        window.reposters().forEach((postId, r) ->
                reposters.put(postId, new HomeEntry.Reposter(r.username(), r.displayName(), r.at())));
        return ranked(viewer, posts.load(Optional.of(viewer), window.page().stream().map(HomeMerge.Candidate::postId)
                .toList()), reposters, window.next().map(Cursor::token), () -> network);
    }

    /** The newest entries of the viewer's home, merged from its sources, to build a timeline with. */
    private HomeTimelines.Seed seed(Viewer viewer) {
        Window window = window(viewer, network(viewer), Cursor.START, HomeTimelines.BUILT);
        List<HomeTimelines.SeedEntry> entries = window.page().stream()
                .map(c -> new HomeTimelines.SeedEntry(c.postId(), c.key().at(),
                        c.repost() ? window.reposters().get(c.postId()).accountId() : null))
                .toList();
        return new HomeTimelines.Seed(entries, window.next());
    }

    /**
     * A page merged from the sources.
     *
     * @param page      the entries, newest first
     * @param next      where the next page starts, empty on the last
     * @param reposters for the repost entries of the page, the repost
     */
    private record Window(List<HomeMerge.Candidate> page, Optional<Cursor> next,
                          Map<Long, FeedDao.FolloweeRepost> reposters) {
    }

    /** Merges one page of the home from its sources (limit may exceed a page's for a timeline's build). */
    private Window window(Viewer viewer, Network network, Cursor cursor, int limit) {
        int batch = limit + 1;
        Map<Integer, Cursor> asked = new HashMap<>();
        asked.put(OWN, cursor);
        if (!network.followees().isEmpty()) {
            asked.put(FOLLOWED, cursor);
            asked.put(REPOSTS, cursor);
        }
        for (int i = 0; i < network.tags().size(); i++) {
            asked.put(FIRST_TAG + i, cursor);
        }
        HomeMerge merge = new HomeMerge(batch);
        Map<Long, FeedDao.FolloweeRepost> reposters = new HashMap<>();
        Set<Long> checked = new HashSet<>();
        Set<Long> shownAbove = new HashSet<>();
        List<HomeMerge.Candidate> window = List.of();
        for (int read = 0; read < MAX_READS && !asked.isEmpty(); read++) {
            merge.add(asked.keySet(), dao.homeSources(viewer.accountId(), batch, network.silenced(),
                    sources(asked, network), cursors(asked, network)));
            List<HomeMerge.Candidate> complete = merge.complete();
            if (!cursor.equals(Cursor.START)) {
                // on a later page, posts reposted at or after its cursor were shown higher up: not again
                repostsOf(viewer, network, complete, cursor, checked, shownAbove, reposters);
            }
            window = complete.stream().filter(c -> !shownAbove.contains(c.postId())).toList();
            asked = window.size() > limit ? Map.of() : merge.limiting();
        }
        Optional<Cursor> next;
        if (window.size() > limit) {
            next = Optional.of(window.get(limit - 1).key());
        } else {
            // the reads ran out (or the sources did) before the page filled: continue from there
            next = merge.bound();
        }
        List<HomeMerge.Candidate> page = window.subList(0, Math.min(limit, window.size()));
        repostsOf(viewer, network, page.stream().filter(HomeMerge.Candidate::repost).toList(), cursor, checked,
                shownAbove, reposters);
        return new Window(page, next, reposters);
    }

    /** Puts a page's posts in the active ranker's order. */
    private HomePage ranked(Viewer viewer, List<Post> loaded, Map<Long, HomeEntry.Reposter> reposters,
                            Optional<String> next, Supplier<Network> network) {
        List<Post> ordered = loaded;
        String rankerId = ReverseChronological.ID;
        // the kernel's ranker keeps the newest-first order: the network it would be told is not read
        if (ranking.pluginActive()) {
            Network n = network.get();
            Ranking.Ranked ranked = ranking.rank(new FeedRequest(viewer.accountId(), candidates(loaded, n),
                    DEFAULT_SETTINGS, clock.instant()));
            Map<Long, Post> byId = loaded.stream().collect(Collectors.toMap(p -> p.record().id(), Function.identity()));
            ordered = ranked.order().stream().map(c -> byId.get(c.postId())).toList();
            rankerId = ranked.rankerId();
        }
        List<HomeEntry> entries = ordered.stream()
                .map(p -> new HomeEntry(p, Optional.ofNullable(reposters.get(p.record().id()))))
                .toList();
        return new HomePage(entries, next, rankerId);
    }

    /** The SQL of the sources to read, one copy of its file each, numbered. */
    private static String sources(Map<Integer, Cursor> asked, Network network) {
        // the silenced ids are numbers read from the database, never text from a request
        String silenced = network.silenced().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return asked.keySet().stream().sorted().map(source -> {
            String part = switch (source) {
                case OWN -> OWN_SOURCE;
                case FOLLOWED -> FOLLOWED_SOURCE;
                case REPOSTS -> REPOST_SOURCE;
                default -> TAG_SOURCE;
            };
            return part.replace("{src}", Integer.toString(source)).replace("{silenced}", silenced);
        }).collect(Collectors.joining("\nUNION ALL\n"));
    }

    /** Each source's cursor, and its tag for tag sources. */
    private static Map<String, Object> cursors(Map<Integer, Cursor> asked, Network network) {
        Map<String, Object> bindings = new HashMap<>();
        asked.forEach((source, from) -> {
            bindings.put("at" + source, from.at());
            bindings.put("id" + source, from.id());
            if (source >= FIRST_TAG) {
                bindings.put("tag" + source, network.tags().get(source - FIRST_TAG));
            }
        });
        return bindings;
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
     * Looks up, once per candidate, the reposts of candidates by accounts the viewer follows: a
     * post reposted at or after the page's cursor (on a later page) was shown higher up, at that
     * repost, and goes into {@code shownAbove}; for a repost entry, who reposted it goes into
     * {@code reposters}.
     */
    private void repostsOf(Viewer viewer, Network network, List<HomeMerge.Candidate> candidates, Cursor cursor,
                           Set<Long> checked, Set<Long> shownAbove, Map<Long, FeedDao.FolloweeRepost> reposters) {
        Map<Long, HomeMerge.Candidate> unchecked = new HashMap<>();
        for (HomeMerge.Candidate c : candidates) {
            if (checked.add(c.postId())) {
                unchecked.put(c.postId(), c);
            }
        }
        if (unchecked.isEmpty() || network.followees().isEmpty()) {
            return;
        }
        for (FeedDao.FolloweeRepost r : dao.followeeReposts(viewer.accountId(), unchecked.keySet(), network.silenced())) {
            HomeMerge.Candidate c = unchecked.get(r.postId());
            Cursor key = new Cursor(r.at(), r.postId());
            if (HomeMerge.NEWEST_FIRST.compare(key, cursor) <= 0) {
                shownAbove.add(r.postId());
            } else if (c.repost() && key.equals(c.key())) {
                reposters.put(r.postId(), r);
            }
        }
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
        int batch = pageSize(limit);
        if (before.isEmpty()) {
            Optional<Posts.Page> shared = firstPages.page(sort, viewer.map(v -> silenced.of(v.accountId())), limit);
            if (shared.isPresent()) {
                return shared.get();
            }
        }
        return keyed(explore(viewerId(viewer), sort, cursor, batch), limit);
    }

    /**
     * Explore's rows before a position as one viewer may see them, each with its position.
     *
     * @param viewerId the viewer, 0 signed out
     * @param sort     the order
     * @param cursor   where to start (for popular, the score stands in for the milliseconds)
     * @param batch    how many
     * @return the rows
     */
    List<KeyedPost> explore(long viewerId, ExploreSort sort, Cursor cursor, int batch) {
        if (sort == ExploreSort.RECENT) {
            return dao.exploreRecent(viewerId, cursor.at(), cursor.id(), batch).stream()
                    .map(r -> new KeyedPost(r, new Cursor(r.publishedAt().orElseThrow(), r.id()))).toList();
        }
        // a popular position travels in the same token as a time position: the score stands in
        // for the milliseconds (Cursor.START's are above every score)
        return dao.explorePopular(viewerId, cursor.at().toEpochMilli(), cursor.id(), batch).stream()
                .map(r -> new KeyedPost(r.post(), new Cursor(Instant.ofEpochMilli(r.sortKey()), r.post().id())))
                .toList();
    }

    /**
     * A post's row with its position in a list.
     *
     * @param post the row, which the viewer may see
     * @param key  its position
     */
    record KeyedPost(PostRecord post, Cursor key) {
    }

    /** A page from rows read one beyond the limit, which the list's query checked for visibility. */
    Posts.Page keyed(List<KeyedPost> rows, int limit) {
        List<KeyedPost> page = rows.subList(0, Math.min(limit, rows.size()));
        Optional<String> next = rows.size() > limit ? Optional.of(page.get(limit - 1).key().token()) : Optional.empty();
        return new Posts.Page(posts.withContent(page.stream().map(KeyedPost::post).toList()), next);
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

    private static String source(String name) {
        return ClasspathSqlLocator.create().locate(FeedDao.class, name);
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
