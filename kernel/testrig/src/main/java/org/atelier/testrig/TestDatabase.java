package org.atelier.testrig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh, empty, real database for one test class or test: an H2 file database in a temporary
 * directory, or a new database on the MariaDB server named by {@code ATELIER_TEST_MARIADB}
 * (default {@code jdbc:mariadb://127.0.0.1:3306/}, user root, empty password). Each instance gets
 * its own database, so parallel and repeated runs never collide; {@link #close()} drops it.
 */
public final class TestDatabase implements AutoCloseable {

    /** The two databases every persistence test runs on. */
    public enum Kind {
        /** Embedded H2 in MariaDB mode. */
        H2,
        /** A MariaDB server. */
        MARIADB
    }

    private static final String MARIADB_SERVER =
            System.getenv().getOrDefault("ATELIER_TEST_MARIADB", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String MARIADB_USER = System.getenv().getOrDefault("ATELIER_TEST_MARIADB_USER", "root");
    private static final String MARIADB_PASSWORD = System.getenv().getOrDefault("ATELIER_TEST_MARIADB_PASSWORD", "");

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;
    private final Path directory;
    private final String schema;

    private TestDatabase(Kind kind, String url, String user, String password, Path directory, String schema) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.directory = directory;
        this.schema = schema;
    }

    /**
     * Creates a fresh database.
     *
     * @param kind which database
     * @return the database, empty
     */
    public static TestDatabase create(Kind kind) {
        String name = "atelier_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            if (kind == Kind.H2) {
                Path dir = Files.createTempDirectory("atelier-h2-");
                String url = "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath()
                        + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
                return new TestDatabase(kind, url, "sa", "", dir, name);
            }
            try (Connection c = DriverManager.getConnection(MARIADB_SERVER, MARIADB_USER, MARIADB_PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            return new TestDatabase(kind, MARIADB_SERVER + name, MARIADB_USER, MARIADB_PASSWORD, null, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB is not reachable at " + MARIADB_SERVER
                    + " (start it, or set ATELIER_TEST_MARIADB): " + e.getMessage(), e);
        }
    }

    /**
     * Which database this is.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The JDBC URL of this database.
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    /**
     * The user to connect as.
     *
     * @return the user
     */
    public String user() {
        return user;
    }

    /**
     * The password to connect with.
     *
     * @return the password
     */
    public String password() {
        return password;
    }

    /**
     * A new connection, for assertions made behind the application's back.
     *
     * @return an open connection
     * @throws SQLException when connecting fails
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** Drops the database (MariaDB) or deletes its files (H2). */
    @Override
    public void close() {
        try {
            if (kind == Kind.MARIADB) {
                try (Connection c = DriverManager.getConnection(MARIADB_SERVER, MARIADB_USER, MARIADB_PASSWORD);
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + schema);
                }
            } else {
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException alreadyClosed) {
                    // the application may have shut it down already
                }
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not clean up test database " + schema, e);
        }
    }
}
