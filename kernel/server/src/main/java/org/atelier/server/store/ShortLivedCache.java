package org.atelier.server.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values read from the database kept in memory until a time each carries: what sessions, post
 * content and silenced accounts are cached with. Bounded: when full, the expired entries go, and
 * if that is not enough, all of them. Thread-safe.
 *
 * @param <K> the key
 * @param <V> the value
 */
public final class ShortLivedCache<K, V> {
    private record Kept<V>(V value, Instant until) {
    }

    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxEntries;

    /**
     * Creates a cache.
     *
     * @param clock      the clock
     * @param maxEntries most entries kept
     */
    public ShortLivedCache(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /**
     * @param key the key
     * @return its value, unless absent or expired
     */
    public Optional<V> get(K key) {
        Kept<V> k = kept.get(key);
        return k == null || !k.until().isAfter(clock.instant()) ? Optional.empty() : Optional.of(k.value());
    }

    /**
     * Keeps a value until a time.
     *
     * @param key   the key
     * @param value the value
     * @param until when it expires
     */
    public void put(K key, V value, Instant until) {
        if (kept.size() >= maxEntries) {
            Instant now = clock.instant();
            kept.values().removeIf(k -> !k.until().isAfter(now));
            if (kept.size() >= maxEntries) {
                kept.clear();
            }
        }
        kept.put(key, new Kept<>(value, until));
    }

    /**
     * Forgets a value.
     *
     * @param key the key
     */
    public void remove(K key) {
        kept.remove(key);
    }

    /** Forgets every value. */
    public void clear() {
        kept.clear();
    }
}
