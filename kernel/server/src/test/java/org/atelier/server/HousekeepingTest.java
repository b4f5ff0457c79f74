package org.atelier.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.atelier.server.accounts.Account;
import org.atelier.server.jobs.JobState;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hourly housekeeping round deletes expired sessions, keeps live ones, and schedules the next
 * round on the durable queue, once however many times the kernel starts.
 */
class HousekeepingTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void expiredSessionsGoLiveOnesStayAndTheNextRoundIsQueued(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            Account owner = instance.createAdmin("owner");
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            try (Connection c = instance.database().connect()) {
                insertSession(c, "expired", owner.id(), now.minusDays(40), now.minusDays(10));
                insertSession(c, "live", owner.id(), now.minusDays(1), now.plusDays(29));
            }
            Atelier atelier = instance.atelier();
            // let the worker finish the round queued at start-up, so that counts below are stable
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (atelier.jobs().counts(Housekeeping.QUEUE).get(JobState.DONE.name()) < 1) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the start-up round never ran: " + atelier.jobs().counts(Housekeeping.QUEUE));
                }
                Thread.onSpinWait();
            }
            new Housekeeping(atelier.database(), atelier.jobs(),
                    new org.atelier.server.feeds.HomeTimelines(atelier.database(), Clock.systemUTC()), Clock.systemUTC()).run();

            try (Connection c = instance.database().connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id_hash FROM sessions ORDER BY id_hash")) {
                StringBuilder left = new StringBuilder();
                while (rs.next()) {
                    left.append(rs.getString(1).trim()).append(' ');
                }
                assertEquals("live ", left.toString());
            }
            // the start-up round's successor and the one the round above queued, both an hour away
            long waiting = atelier.jobs().counts(Housekeeping.QUEUE).get(JobState.READY.name());
            assertEquals(2, waiting);

            instance.restart();
            assertEquals(waiting, instance.atelier().jobs().counts(Housekeeping.QUEUE).get(JobState.READY.name()),
                    "a restart does not start another chain of rounds");
        }
    }

    private static void insertSession(Connection c, String id, long account, LocalDateTime created, LocalDateTime expires)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setLong(2, account);
            s.setString(3, "token-" + id);
            s.setObject(4, created);
            s.setObject(5, expires);
            s.executeUpdate();
        }
    }
}
