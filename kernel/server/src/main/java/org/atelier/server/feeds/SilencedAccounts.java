package org.atelier.server.feeds;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.atelier.server.social.SocialEvents;
import org.atelier.server.store.Database;
import org.atelier.server.store.ShortLivedCache;

/**
 * The accounts silenced for each viewer — muted by them, or blocked either way — as explore's
 * shared first pages leave them out, kept per viewer for {@link #TTL}. A mute or block made on
 * this kernel node applies at once (the two accounts' sets are forgotten); one made on another
 * node, within {@link #TTL}. These pages list public posts only, which anyone signed out sees, so
 * the delay can show nothing a viewer could not see anyway. Thread-safe.
 */
public final class SilencedAccounts implements SocialEvents {
    /** How long a viewer's set is trusted. */
    static final Duration TTL = Duration.ofSeconds(2);
    /** Most viewers kept; past this the cache starts again. */
    static final int MAX_VIEWERS = 10_000;

    private final FeedDao dao;
    private final Clock clock;
    private final ShortLivedCache<Long, Set<Long>> kept;

    /**
     * Creates the cache.
     *
     * @param database the database
     * @param clock    the clock
     */
    public SilencedAccounts(Database database, Clock clock) {
        this.dao = database.jdbi().onDemand(FeedDao.class);
        this.clock = clock;
        this.kept = new ShortLivedCache<>(clock, MAX_VIEWERS);
    }

    /**
     * The accounts silenced for a viewer.
     *
     * @param viewerId the viewer
     * @return muted by them or blocked either way
     */
    Set<Long> of(long viewerId) {
        return kept.get(viewerId).orElseGet(() -> {
            Set<Long> silenced = Set.copyOf(dao.silenced(viewerId));
            kept.put(viewerId, silenced, clock.instant().plus(TTL));
            return silenced;
        });
    }

    @Override
    public void networkChanged(long accountId, long otherId) {
        kept.remove(accountId);
        kept.remove(otherId);
    }
}
