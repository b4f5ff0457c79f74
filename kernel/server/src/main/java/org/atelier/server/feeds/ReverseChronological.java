package org.atelier.server.feeds;

import java.util.List;
import org.atelier.plugin.api.feed.FeedCandidate;
import org.atelier.plugin.api.feed.FeedRanker;
import org.atelier.plugin.api.feed.FeedRequest;

/**
 * The kernel's own ranker, used when no plugin provides one (or the plugin's answer is refused):
 * newest first. The kernel hands candidates over already in that order — by the time each entry
 * reached the viewer's network (publication, or a followed account's repost) — so it keeps them.
 */
public final class ReverseChronological implements FeedRanker {
    /** Its id. */
    public static final String ID = "chronological";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<FeedCandidate> rank(FeedRequest request) {
        return request.candidates();
    }
}
