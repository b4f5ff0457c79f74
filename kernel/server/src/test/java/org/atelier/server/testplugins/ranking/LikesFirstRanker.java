package org.atelier.server.testplugins.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.atelier.plugin.api.feed.FeedCandidate;
import org.atelier.plugin.api.feed.FeedRanker;
import org.atelier.plugin.api.feed.FeedRequest;

/** A well-behaved ranker: most liked first, then posts with tags the viewer follows, then as given. */
public final class LikesFirstRanker implements FeedRanker {
    /** Its id. */
    public static final String ID = "likes-first";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<FeedCandidate> rank(FeedRequest request) {
        List<FeedCandidate> ranked = new ArrayList<>(request.candidates());
        ranked.sort(Comparator.comparingInt(FeedCandidate::likes).reversed()
                .thenComparing(c -> c.followedTags().isEmpty()));
        return ranked;
    }
}
