package org.atelier.server.feeds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.atelier.plugin.api.feed.FeedCandidate;
import org.atelier.plugin.api.feed.FeedRanker;
import org.atelier.plugin.api.feed.FeedRequest;
import org.atelier.server.plugins.ExtensionPoint;
import org.atelier.server.plugins.ExtensionRegistry;
import org.atelier.server.plugins.PluginCallException;
import org.atelier.server.plugins.PluginCalls;

/**
 * Orders a page of the home feed with the active {@link FeedRanker}: the plugin ranker with the
 * highest service ranking present now, else the kernel's {@link ReverseChronological}.
 *
 * <p>A plugin's answer is used only if it holds exactly the candidates it was given, each once.
 * One that throws, takes longer than {@link #TIMEOUT}, drops, repeats or invents candidates is
 * ignored for that page (the page stays newest first) and then rested for {@link #REST}: a broken
 * ranker costs one log line a minute rather than one per request, and a hanging one cannot make
 * every home request wait out the timeout. Thread-safe.
 */
public final class Ranking {
    /** How long a ranker may take: it runs on every home request and must be cheap. */
    public static final Duration TIMEOUT = Duration.ofMillis(500);
    /** How long a ranker that misbehaved is left out. */
    public static final Duration REST = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(Ranking.class.getName());
    private static final FeedRanker KERNEL = new ReverseChronological();

    private final ExtensionRegistry extensions;
    private final PluginCalls calls;
    private final Clock clock;
    private final Map<Long, Instant> restingUntil = new ConcurrentHashMap<>();

    /**
     * Creates the ranking gate.
     *
     * @param extensions the plugin services
     * @param calls      the guarded plugin-call gate
     * @param clock      the clock
     */
    public Ranking(ExtensionRegistry extensions, PluginCalls calls, Clock clock) {
        this.extensions = extensions;
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * The ranked order of one page.
     *
     * @param order    the candidates in the order to show them
     * @param rankerId the id of the ranker whose order it is
     */
    public record Ranked(List<FeedCandidate> order, String rankerId) {
    }

    /**
     * Orders a page.
     *
     * @param request the viewer, the candidates newest first, the settings
     * @return the order to show, and whose it is
     */
    public Ranked rank(FeedRequest request) {
        Optional<ExtensionRegistry.Tracked<FeedRanker>> ranker = active();
        if (ranker.isEmpty() || request.candidates().isEmpty()) {
            return new Ranked(KERNEL.rank(request), KERNEL.id());
        }
        ExtensionRegistry.Tracked<FeedRanker> tracked = ranker.get();
        String problem;
        try {
            Duration limit = calls.timeout().compareTo(TIMEOUT) < 0 ? calls.timeout() : TIMEOUT;
            Ranked answer = calls.call(tracked.bundle() + "/rank", limit,
                    () -> new Ranked(tracked.service().rank(request), tracked.service().id()));
            problem = problem(request.candidates(), answer.order());
            if (problem == null) {
                return answer;
            }
        } catch (PluginCallException e) {
            problem = e.kind() == PluginCallException.Kind.TIMEOUT ? "it did not answer within the time limit"
                    : "it failed: " + e.getMessage();
        }
        restingUntil.put(tracked.serviceId(), clock.instant().plus(REST));
        String why = problem;
        LOG.warning(() -> "the feed ranker of " + tracked.bundle() + " is left out for " + REST.toSeconds()
                + " s and home feeds are newest first meanwhile: " + why);
        return new Ranked(KERNEL.rank(request), KERNEL.id());
    }

    /**
     * Whether a plugin's ranker would be asked (else the kernel's newest-first order stands, and
     * the caller need not gather what a ranker is told).
     *
     * @return true when an installed ranker is not resting
     */
    public boolean pluginActive() {
        return active().isPresent();
    }

    private Optional<ExtensionRegistry.Tracked<FeedRanker>> active() {
        Instant now = clock.instant();
        restingUntil.values().removeIf(until -> !until.isAfter(now));
        return extensions.services(ExtensionPoint.FEED_RANKER, FeedRanker.class).stream()
                .filter(t -> !restingUntil.containsKey(t.serviceId()))
                .findFirst();
    }

    /** What is wrong with a ranker's answer, or null when it is the same candidates reordered. */
    private static String problem(List<FeedCandidate> given, List<FeedCandidate> answer) {
        if (answer == null) {
            return "it answered nothing";
        }
        Set<Long> expected = new HashSet<>();
        given.forEach(c -> expected.add(c.postId()));
        Set<Long> seen = new HashSet<>();
        for (FeedCandidate c : answer) {
            if (c == null || !expected.contains(c.postId())) {
                return "it invented a candidate";
            }
            if (!seen.add(c.postId())) {
                return "it repeated a candidate";
            }
        }
        return seen.size() == expected.size() ? null : "it dropped " + (expected.size() - seen.size()) + " candidates";
    }
}
