package org.atelier.server.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slows password guessing: failed sign-ins are counted per username and per client address in a
 * sliding window, and further attempts are refused until the window has room again. A success
 * clears the username's count. Counts are per kernel process: behind a load balancer each node
 * limits on its own, which still bounds guessing to a small multiple.
 *
 * <p>{@link #acquire} checks and counts an attempt in one step, before the password is checked,
 * so that guesses sent in parallel get no more tries than guesses sent one after another; a
 * success then gives the attempt back ({@link #succeeded(String, String)}).
 * Thread-safe.
 */
public final class LoginRateLimiter {
    private final Clock clock;
    private final Duration window;
    private final int perUsername;
    private final int perAddress;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    /**
     * Creates a limiter.
     *
     * @param clock       the clock
     * @param window      how long a failure counts
     * @param perUsername failures allowed per username within the window
     * @param perAddress  failures allowed per client address within the window
     */
    public LoginRateLimiter(Clock clock, Duration window, int perUsername, int perAddress) {
        this.clock = clock;
        this.window = window;
        this.perUsername = perUsername;
        this.perAddress = perAddress;
    }

    /**
     * The defaults: 5 failures per username and 20 per address in 15 minutes.
     *
     * @param clock the clock
     * @return the limiter
     */
    public static LoginRateLimiter standard(Clock clock) {
        return new LoginRateLimiter(clock, Duration.ofMinutes(15), 5, 20);
    }

    /**
     * Whether another attempt is allowed now.
     *
     * @param username the username tried
     * @param address  the client address
     * @return true when the attempt may go ahead
     */
    public synchronized boolean allowed(String username, String address) {
        return count(userKey(username)) < perUsername && count(addressKey(address)) < perAddress;
    }

    /**
     * Takes an attempt: when allowed, counts it as failed at once (until {@link #succeeded(String, String)}
     * says otherwise), all in one step so that concurrent attempts cannot all pass the check.
     *
     * @param username the username tried
     * @param address  the client address
     * @return true when the attempt may go ahead
     */
    public synchronized boolean acquire(String username, String address) {
        if (!allowed(username, address)) {
            return false;
        }
        failed(username, address);
        return true;
    }

    /**
     * Records a failed attempt.
     *
     * @param username the username tried
     * @param address  the client address
     */
    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        failures.computeIfAbsent(userKey(username), k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent(addressKey(address), k -> new ArrayDeque<>()).addLast(now);
    }

    /**
     * Records a success, clearing the username's failures.
     *
     * @param username the username
     */
    public synchronized void succeeded(String username) {
        failures.remove(userKey(username));
    }

    /**
     * Records the success of an {@link #acquire acquired} attempt: clears the username's failures
     * and gives the address back the attempt.
     *
     * @param username the username
     * @param address  the client address
     */
    public synchronized void succeeded(String username, String address) {
        succeeded(username);
        Deque<Instant> times = failures.get(addressKey(address));
        if (times != null) {
            times.pollLast();
            if (times.isEmpty()) {
                failures.remove(addressKey(address));
            }
        }
    }

    private int count(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
        }
        return times.size();
    }

    private static String userKey(String username) {
        return "u:" + String.valueOf(username).toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
