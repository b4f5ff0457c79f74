package org.atelier.server.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.atelier.server.store.Cursor;
import org.junit.jupiter.api.Test;

/** The merge of home-feed sources, on rows made by hand: frontiers, repeats, hidden rows. */
class HomeMergeTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static FeedDao.SourceRow row(int source, long post, int second) {
        return new FeedDao.SourceRow(source, post, T.plusSeconds(second), source == 2, true);
    }

    private static FeedDao.SourceRow hidden(int source, long post, int second) {
        return new FeedDao.SourceRow(source, post, T.plusSeconds(second), source == 2, false);
    }

    private static List<Long> ids(HomeMerge.Round round) {
        return round.candidates().stream().map(HomeMerge.Candidate::postId).toList();
    }

    @Test
    void exhaustedSourcesMergeWholeNewestFirst() {
        HomeMerge.Round round = HomeMerge.merge(List.of(row(0, 1, 10), row(1, 2, 30), row(1, 3, 20)), 3);
        assertEquals(List.of(2L, 3L, 1L), ids(round));
        assertEquals(Optional.empty(), round.frontier());
    }

    @Test
    void onlyEntriesAboveTheHighestFrontierAreCertain() {
        // source 1 is full down to second 50: source 0's entries below 50 may have unread company in source 1
        HomeMerge.Round round = HomeMerge.merge(List.of(row(1, 10, 90), row(1, 11, 70), row(1, 12, 50),
                row(0, 20, 80), row(0, 21, 40), row(0, 22, 10)), 3);
        assertEquals(List.of(10L, 20L, 11L, 12L), ids(round));
        assertEquals(Optional.of(new Cursor(T.plusSeconds(50), 12)), round.frontier());
    }

    @Test
    void aPostReachedSeveralWaysIsShownOnceAtItsNewestEntry() {
        HomeMerge.Round round = HomeMerge.merge(List.of(row(1, 5, 10), row(3, 5, 10), row(2, 5, 60), row(0, 6, 30)), 3);
        assertEquals(List.of(5L, 6L), ids(round));
        assertEquals(true, round.candidates().get(0).repost());
        assertEquals(T.plusSeconds(60), round.candidates().get(0).key().at());
    }

    @Test
    void hiddenRowsStillMarkWhereTheirSourceStopped() {
        HomeMerge.Round round = HomeMerge.merge(List.of(hidden(3, 1, 90), hidden(3, 2, 80), row(0, 3, 70),
                row(0, 4, 20)), 2);
        assertEquals(List.of(), ids(round), "source 3 may hold more below 80, so nothing under it is certain");
        assertEquals(Optional.of(new Cursor(T.plusSeconds(80), 2)), round.frontier());
    }

    @Test
    void equalTimesAreOrderedByPostId() {
        HomeMerge.Round round = HomeMerge.merge(List.of(row(0, 7, 5), row(1, 9, 5), row(1, 8, 5)), 2);
        assertEquals(List.of(9L, 8L), ids(round));
        assertEquals(Optional.of(new Cursor(T.plusSeconds(5), 8)), round.frontier());
    }
}
