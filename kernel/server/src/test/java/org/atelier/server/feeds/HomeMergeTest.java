package org.atelier.server.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.atelier.server.store.Cursor;
import org.junit.jupiter.api.Test;

/** The merge of home-feed sources, on rows made by hand: bounds, further reads, repeats, hidden rows. */
class HomeMergeTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static FeedDao.SourceRow row(int source, long post, int second) {
        return new FeedDao.SourceRow(source, post, T.plusSeconds(second), source == 2, true);
    }

    private static FeedDao.SourceRow hidden(int source, long post, int second) {
        return new FeedDao.SourceRow(source, post, T.plusSeconds(second), source == 2, false);
    }

    private static List<Long> ids(HomeMerge merge) {
        return merge.complete().stream().map(HomeMerge.Candidate::postId).toList();
    }

    @Test
    void exhaustedSourcesMergeWholeNewestFirst() {
        HomeMerge merge = new HomeMerge(3);
        merge.add(Set.of(0, 1, 3), List.of(row(0, 1, 10), row(1, 2, 30), row(1, 3, 20)));
        assertEquals(List.of(2L, 3L, 1L), ids(merge));
        assertEquals(Optional.empty(), merge.bound());
        assertEquals(Map.of(), merge.limiting());
    }

    @Test
    void onlyEntriesAboveTheBoundAreCertainAndOnlyTheSourceAtTheBoundIsReadFurther() {
        // source 1 is full down to second 50: entries of source 0 below 50 may have unread company in 1
        HomeMerge merge = new HomeMerge(3);
        merge.add(Set.of(0, 1), List.of(row(1, 10, 90), row(1, 11, 70), row(1, 12, 50),
                row(0, 20, 80), row(0, 21, 40)));
        assertEquals(List.of(10L, 20L, 11L, 12L), ids(merge));
        assertEquals(Optional.of(new Cursor(T.plusSeconds(50), 12)), merge.bound());
        assertEquals(Map.of(1, new Cursor(T.plusSeconds(50), 12)), merge.limiting());

        merge.add(Set.of(1), List.of(row(1, 13, 45), row(1, 14, 30)));
        assertEquals(List.of(10L, 20L, 11L, 12L, 13L, 21L, 14L), ids(merge), "source 1 is exhausted now");
        assertEquals(Optional.empty(), merge.bound());
    }

    @Test
    void aPostReachedSeveralWaysIsShownOnceAtItsNewestEntry() {
        HomeMerge merge = new HomeMerge(3);
        merge.add(Set.of(0, 1, 2, 3), List.of(row(1, 5, 10), row(3, 5, 10), row(2, 5, 60), row(2, 5, 40),
                row(0, 6, 30)));
        assertEquals(List.of(5L, 6L), ids(merge));
        assertEquals(true, merge.complete().get(0).repost());
        assertEquals(T.plusSeconds(60), merge.complete().get(0).key().at());
    }

    @Test
    void hiddenRowsStillMarkWhereTheirSourceStopped() {
        HomeMerge merge = new HomeMerge(2);
        merge.add(Set.of(0, 3), List.of(hidden(3, 1, 90), hidden(3, 2, 80), row(0, 3, 70), row(0, 4, 20)));
        assertEquals(List.of(), ids(merge), "source 3 may hold more below 80, so nothing under it is certain");
        assertEquals(Optional.of(new Cursor(T.plusSeconds(80), 2)), merge.bound());
        assertEquals(Map.of(3, new Cursor(T.plusSeconds(80), 2)), merge.limiting());
    }

    @Test
    void equalTimesAreOrderedByPostId() {
        HomeMerge merge = new HomeMerge(2);
        merge.add(Set.of(0, 1), List.of(row(0, 7, 5), row(1, 9, 5), row(1, 8, 5)));
        assertEquals(List.of(9L, 8L), ids(merge));
        assertEquals(Optional.of(new Cursor(T.plusSeconds(5), 8)), merge.bound());
    }
}
