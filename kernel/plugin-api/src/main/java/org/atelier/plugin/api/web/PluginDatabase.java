package org.atelier.plugin.api.web;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An extension's access to the instance database: plain JDBC on a pooled connection, one
 * transaction per call. Use only the extension's own tables (prefixed {@link #tablePrefix()}) and
 * SQL that runs on both H2 in MariaDB mode and MariaDB.
 */
public interface PluginDatabase {

    /**
     * Work done inside one transaction.
     *
     * @param <T> what the work returns
     */
    @FunctionalInterface
    interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection the connection, in a transaction; do not close it or commit
         * @return the result
         * @throws SQLException to roll the transaction back
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs work in a transaction, committing when it returns and rolling back when it throws.
     *
     * @param work the work
     * @param <T>  what it returns
     * @return what the work returned
     * @throws org.atelier.plugin.api.PluginException wrapping an {@link SQLException}
     */
    <T> T inTransaction(Work<T> work);

    /**
     * The prefix every table of this extension carries.
     *
     * @return for example {@code p_jobs_}
     */
    String tablePrefix();
}
