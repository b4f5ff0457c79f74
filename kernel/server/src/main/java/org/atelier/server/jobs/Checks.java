package org.atelier.server.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the queue and its workers; every failure names what was wrong. */
final class Checks {
    private Checks() {
    }

    /** A queue name or worker id: not blank, at most {@code maxLength} characters (its column). */
    static String name(String what, String value, int maxLength) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException(what + " must be 1 to " + maxLength + " characters: '" + value + "'");
        }
        return value;
    }

    static Duration positive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }

    static int atLeastOne(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1: " + value);
        }
        return value;
    }

    /** A payload the {@code TEXT} column takes on MariaDB as well as on H2. */
    static String payload(String payload, int maxBytes) {
        int bytes = Objects.requireNonNull(payload, "payload").getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new IllegalArgumentException("payload is " + bytes + " bytes; the most a job carries is " + maxBytes
                    + " (store large data elsewhere and enqueue a reference)");
        }
        return payload;
    }
}
