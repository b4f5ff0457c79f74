package org.atelier.server.testplugins.badranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.atelier.plugin.api.detect.Verdict;
import org.atelier.plugin.api.feed.FeedCandidate;
import org.atelier.plugin.api.feed.FeedRanker;
import org.atelier.plugin.api.feed.FeedRequest;

/** A ranker that misbehaves in one of several ways; each activator of this package picks one. */
public final class BadRanker implements FeedRanker {
    /** How it misbehaves. */
    public enum Mode {
        /** Throws. */
        THROW,
        /** Reverses the page and leaves out its last candidate. */
        DROP,
        /** Reverses the page and adds a post that was not a candidate. */
        INVENT,
        /** Reverses the page and gives its first candidate twice. */
        REPEAT,
        /** Blocks for a minute, shrugging off interrupts. */
        HANG
    }

    private final Mode mode;

    BadRanker(Mode mode) {
        this.mode = mode;
    }

    @Override
    public String id() {
        return "bad-" + mode.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<FeedCandidate> rank(FeedRequest request) {
        List<FeedCandidate> reversed = new ArrayList<>(request.candidates());
        Collections.reverse(reversed);
        switch (mode) {
            case THROW -> throw new IllegalStateException("ranker broke");
            case DROP -> reversed.remove(reversed.size() - 1);
            case INVENT -> reversed.add(new FeedCandidate(Long.MAX_VALUE - 7, 1, false, java.util.Set.of(),
                    request.now(), 0, 0, 0, Verdict.UNKNOWN, false));
            case REPEAT -> reversed.add(reversed.get(0));
            case HANG -> hang();
            default -> throw new IllegalStateException(mode.name());
        }
        return reversed;
    }

    private static void hang() {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException ignored) {
                // badly behaved: keeps hanging
            }
        }
    }
}
