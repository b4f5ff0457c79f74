package org.atelier.plugin.api.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One ranking call.
 *
 * @param viewerAccountId the local account whose feed this is
 * @param candidates      the posts to order
 * @param settings        the viewer's ranking settings
 * @param now             the instant the request is served at; use it instead of the clock so
 *                        rankings are reproducible
 */
public record FeedRequest(long viewerAccountId, List<FeedCandidate> candidates,
                          RankingSettings settings, Instant now) {
    /**
     * Copies the candidates and validates the components.
     *
     * @param viewerAccountId the viewer
     * @param candidates      the posts to order
     * @param settings        the viewer's settings
     * @param now             the serving instant
     */
    public FeedRequest {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(now, "now");
    }
}
