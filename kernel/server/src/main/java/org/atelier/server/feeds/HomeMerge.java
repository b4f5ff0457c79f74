package org.atelier.server.feeds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.store.Cursor;

/**
 * Merges the home feed's sources into one newest-first list without gaps or repeats: a k-way
 * merge over sources read a batch at a time. One request's worth of state; not thread-safe.
 *
 * <p>An entry's key is (time, post id): the time is when the post was published, or when a
 * followed account reposted it. A post reached several ways appears once, at its newest key.
 * A source whose batch came back short is exhausted; one that returned a full batch may hold
 * older entries unread below its last row. So only entries at or above the <em>bound</em> — the
 * newest last row among the sources not exhausted — are certain to be complete and in order. When
 * they are too few, the sources whose last row is the bound are read further, and only those.
 * Rows the viewer may not see still count for where their source stopped, which is what lets the
 * sources read indexes without checking every row first. Pure, no I/O.
 */
final class HomeMerge {
    /** Newest first: time, then post id, both descending. */
    static final Comparator<Cursor> NEWEST_FIRST =
            Comparator.comparing(Cursor::at).thenComparingLong(Cursor::id).reversed();

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

    private final int batch;
    /** Where each source not yet exhausted stopped. */
    private final Map<Integer, Cursor> open = new HashMap<>();
    private final Map<Long, Candidate> newest = new HashMap<>();

    /**
     * Starts a merge.
     *
     * @param batch how many rows each read of a source asks for
     */
    HomeMerge(int batch) {
        this.batch = batch;
    }

    /**
     * Takes one read of some sources.
     *
     * @param asked the sources read
     * @param rows  their rows, in any order
     */
    void add(Collection<Integer> asked, List<FeedDao.SourceRow> rows) {
        Map<Integer, List<FeedDao.SourceRow>> bySource = new HashMap<>();
        for (FeedDao.SourceRow row : rows) {
            bySource.computeIfAbsent(row.src(), s -> new ArrayList<>()).add(row);
            if (row.shown()) {
                newest.merge(row.postId(), new Candidate(row.key(), row.repost()),
                        (a, b) -> NEWEST_FIRST.compare(a.key(), b.key()) <= 0 ? a : b);
            }
        }
        for (int source : asked) {
            List<FeedDao.SourceRow> read = bySource.getOrDefault(source, List.of());
            if (read.size() < batch) {
                open.remove(source);
            } else {
                open.put(source, read.stream().map(FeedDao.SourceRow::key).max(NEWEST_FIRST).orElseThrow());
            }
        }
    }

    /** @return the newest place a source not exhausted stopped; empty when every source is exhausted */
    Optional<Cursor> bound() {
        return open.values().stream().min(NEWEST_FIRST);
    }

    /** @return the candidates certain to be complete, newest first */
    List<Candidate> complete() {
        Optional<Cursor> bound = bound();
        return newest.values().stream()
                .filter(c -> bound.isEmpty() || NEWEST_FIRST.compare(c.key(), bound.get()) <= 0)
                .sorted(Comparator.comparing(Candidate::key, NEWEST_FIRST))
                .toList();
    }

    /** @return the sources that stopped at the bound, to read further from where each stopped */
    Map<Integer, Cursor> limiting() {
        Optional<Cursor> bound = bound();
        Map<Integer, Cursor> next = new HashMap<>();
        open.forEach((source, last) -> {
            if (bound.isPresent() && last.equals(bound.get())) {
                next.put(source, last);
            }
        });
        return next;
    }
}
