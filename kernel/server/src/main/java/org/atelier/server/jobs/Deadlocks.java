package org.atelier.server.jobs;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Runs a statement again when the database chose it as a deadlock victim (SQLSTATE class 40, which
 * is also how Galera reports a certification conflict). The victim was rolled back, so repeating
 * it is safe, whereas giving up would, for example, leave a finished job to wait out its lease
 * and run again. Lock wait timeouts (MariaDB 1205, SQLSTATE HY000) are not retried: they already
 * took {@code innodb_lock_wait_timeout} seconds.
 */
final class Deadlocks {
    private static final System.Logger LOG = System.getLogger(JobQueue.class.getName());
    private static final int ATTEMPTS = 3;

    private Deadlocks() {
    }

    static <T> T retrying(Supplier<T> statement) {
        for (int attempt = 1; ; attempt++) {
            try {
                return statement.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isRollback(e)) {
                    throw e;
                }
                LOG.log(System.Logger.Level.DEBUG, "deadlock victim, trying again", e);
            }
        }
    }

    static boolean isRollback(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
