package org.atelier.server.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.atelier.server.store.ShortLivedCache;

/**
 * Live sessions looked up lately, by the hash of their secret, for {@link #TTL}: a page that
 * loads its parts, an API client, infinite scroll — most requests of a session come in bursts,
 * and each would otherwise read the session's row. What this node changes (a sign-out, an
 * account's role or status) takes effect at once; what another kernel node changes, within
 * {@link #TTL}. Only sessions found are kept, so made-up cookies cannot fill it. Thread-safe.
 */
final class SessionCache {
    /** How long a session read is trusted. */
    static final Duration TTL = Duration.ofSeconds(2);
    /** Most sessions kept; past this the cache starts again. */
    static final int MAX_SESSIONS = 10_000;

    private final ShortLivedCache<String, Session> kept;
    private final Clock clock;

    SessionCache(Clock clock) {
        this.clock = clock;
        this.kept = new ShortLivedCache<>(clock, MAX_SESSIONS);
    }

    /** @return the session kept for this secret hash, if still fresh */
    Optional<Session> get(String secretHash) {
        return kept.get(secretHash);
    }

    /** Keeps a session for {@link #TTL}, or until it expires if that is sooner. */
    void put(String secretHash, Session session, Instant expiresAt) {
        Instant until = clock.instant().plus(TTL);
        kept.put(secretHash, session, until.isBefore(expiresAt) ? until : expiresAt);
    }

    void forget(String secretHash) {
        kept.remove(secretHash);
    }

    /** Forgets every session: an account's role or status changed. */
    void clear() {
        kept.clear();
    }
}
