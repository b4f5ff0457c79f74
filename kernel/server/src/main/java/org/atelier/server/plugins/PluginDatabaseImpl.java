package org.atelier.server.plugins;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.atelier.plugin.api.PluginException;
import org.atelier.plugin.api.web.PluginDatabase;

/**
 * A web extension's database access: one pooled connection and one transaction per call.
 */
public final class PluginDatabaseImpl implements PluginDatabase {
    private final DataSource dataSource;
    private final String prefix;

    /**
     * Creates the access for one extension.
     *
     * @param dataSource the instance database
     * @param id         the extension's id
     */
    public PluginDatabaseImpl(DataSource dataSource, String id) {
        this.dataSource = dataSource;
        this.prefix = PluginMigrations.prefix(id);
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new PluginException("a database operation failed", e);
        }
    }

    @Override
    public String tablePrefix() {
        return prefix;
    }
}
