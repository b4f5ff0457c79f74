package org.atelier.server.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.store.Cursor;

/**
 * Merges the home feed's sources — each the newest {@code limit} entries of one source before
 * the cursor — into one newest-first list without gaps or repeats.
 *
 * <p>An entry's key is (time, post id): the time is when the post was published, or when a
 * followed account reposted it. A post reached several ways appears once, at its newest key.
 * A source that returned fewer rows than asked is exhausted; one that returned all it was asked
 * for stops at its last row, its <em>frontier</em>: entries older than that may exist in it
 * unread. So only entries at or above the highest frontier are certain to be complete and in
 * order; the rest are left for the next round, which starts at that frontier. Rows a source
 * returned that the viewer may not see still count for its frontier, which is what lets the
 * sources read indexes without checking every row first. Pure, no I/O.
 */
final class HomeMerge {
    /** Newest first: time, then post id, both descending. */
    static final Comparator<Cursor> NEWEST_FIRST =
            Comparator.comparing(Cursor::at).thenComparingLong(Cursor::id).reversed();

    private HomeMerge() {
    }

    /**
     * A post to show.
     *
     * @param key    its newest key
     * @param repost whether that key is a repost's
     */
    record Candidate(Cursor key, boolean repost) {
        long postId() {
            return key.id();
        }
    }

    /**
     * What one round of sources yields.
     *
     * @param candidates the complete part, newest first, one per post
     * @param frontier   where the next round starts; empty when every source is exhausted
     */
    record Round(List<Candidate> candidates, Optional<Cursor> frontier) {
    }

    /**
     * Merges one round.
     *
     * @param rows  every source's rows, in any order
     * @param limit how many rows each source was asked for
     * @return the candidates certain to be complete, and the frontier
     */
    static Round merge(List<FeedDao.SourceRow> rows, int limit) {
        Map<Integer, List<FeedDao.SourceRow>> bySource = new HashMap<>();
        for (FeedDao.SourceRow row : rows) {
            bySource.computeIfAbsent(row.src(), s -> new ArrayList<>()).add(row);
        }
        Optional<Cursor> frontier = Optional.empty();
        for (List<FeedDao.SourceRow> source : bySource.values()) {
            if (source.size() >= limit) {
                Cursor last = source.stream().map(FeedDao.SourceRow::key).max(NEWEST_FIRST).orElseThrow();
                if (frontier.isEmpty() || NEWEST_FIRST.compare(last, frontier.get()) < 0) {
                    frontier = Optional.of(last);
                }
            }
        }
        Map<Long, Candidate> newest = new HashMap<>();
        for (FeedDao.SourceRow row : rows) {
            if (row.shown()) {
                newest.merge(row.postId(), new Candidate(row.key(), row.repost()),
                        (a, b) -> NEWEST_FIRST.compare(a.key(), b.key()) <= 0 ? a : b);
            }
        }
        Optional<Cursor> bound = frontier;
        List<Candidate> complete = newest.values().stream()
                .filter(c -> bound.isEmpty() || NEWEST_FIRST.compare(c.key(), bound.get()) <= 0)
                .sorted(Comparator.comparing(Candidate::key, NEWEST_FIRST))
                .toList();
        return new Round(complete, frontier);
    }
}
