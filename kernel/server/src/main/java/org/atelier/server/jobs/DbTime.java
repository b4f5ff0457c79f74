package org.atelier.server.jobs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the {@code DATETIME(3)} columns hold them: UTC wall-clock time, milliseconds.
 * Converting here, rather than binding {@code Instant} (which goes through
 * {@code java.sql.Timestamp} and the JVM's time zone), keeps every kernel node in agreement
 * whatever zone its JVM runs in.
 */
final class DbTime {
    private DbTime() {
    }

    static LocalDateTime of(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime stored) {
        return stored.toInstant(ZoneOffset.UTC);
    }
}
