package org.atelier.plugin.api.feed;

import java.util.List;

/**
 * Orders the candidate posts of one page of a viewer's home feed.
 *
 * <p>It runs on every home-feed request, so it must be cheap: no I/O, no waiting, a few
 * microseconds per candidate. The kernel gives it a page of candidates it already selected
 * (followed accounts, followed tags, discovery) with the signals it has, and expects the same
 * candidates back, reordered. An answer that drops or invents candidates, throws or exceeds the
 * timeout is ignored and the page is shown newest first. With no ranker present the home feed is
 * reverse-chronological.
 */
public interface FeedRanker {

    /**
     * A stable identifier for this ranker, shown in the admin UI and the viewer's settings.
     *
     * @return for example {@code balanced}
     */
    String id();

    /**
     * Orders one page of candidates.
     *
     * @param request the viewer, the candidates and the viewer's ranking settings
     * @return the same candidates in the order to show them
     */
    List<FeedCandidate> rank(FeedRequest request);
}
