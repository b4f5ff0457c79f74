package org.atelier.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The instance database: a connection pool, Jdbi on top of it, and the kernel's migrations.
 *
 * <p>One schema runs on both H2 (embedded, file mode, MariaDB compatibility) and MariaDB; the
 * {@link DatabaseKind} is only consulted where the two genuinely differ.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final DatabaseKind kind;

    private Database(HikariDataSource dataSource, DatabaseKind kind) {
        this.dataSource = dataSource;
        this.kind = kind;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        // Instants are stored as UTC DATETIME(3) whatever the JVM's time zone, so that kernel
        // nodes in different zones agree (Jdbi's default goes through java.sql.Timestamp).
        jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP) {
            @Override
            protected Argument build(Instant value, ConfigRegistry config) {
                return (position, statement, context) ->
                        statement.setObject(position, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
            }
        });
        jdbi.registerColumnMapper(Instant.class, (results, column, context) -> {
            LocalDateTime time = results.getObject(column, LocalDateTime.class);
            return time == null ? null : time.toInstant(ZoneOffset.UTC);
        });
    }

    /**
     * Connects and applies the kernel's pending migrations.
     *
     * @param jdbcUrl  the JDBC URL (H2 or MariaDB)
     * @param user     the user
     * @param password the password
     * @param poolSize the largest number of pooled connections
     * @return the migrated database
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        DatabaseKind kind = DatabaseKind.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setPoolName("atelier-db");
        config.setConnectionTimeout(10_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .table("flyway_kernel")
                    .load()
                    .migrate();
            return new Database(dataSource, kind);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * Jdbi over the pool.
     *
     * @return the Jdbi instance
     */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * The pooled data source, for components that speak JDBC (plugin migrations).
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Which database this is.
     *
     * @return H2 or MariaDB
     */
    public DatabaseKind kind() {
        return kind;
    }

    /**
     * An instant as stored: both databases keep milliseconds, so values are truncated before
     * they are compared with what comes back.
     *
     * @param instant an instant
     * @return the instant at millisecond precision
     */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
