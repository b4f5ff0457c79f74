package org.atelier.server.plugins;

import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.atelier.plugin.api.web.Migration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Runs a web extension's own migrations with Flyway, in a history table of its own
 * ({@code flyway_p_<id>}), so that each plugin's schema evolves independently of the kernel's and
 * of other plugins'. Every statement is checked by {@link MigrationGuard} before any runs: a
 * migration may only create, alter and drop tables and indexes carrying the plugin's prefix
 * {@code p_<id>_} and change their rows; anything else is refused.
 */
public final class PluginMigrations {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{0,30}");

    private final DataSource dataSource;

    /**
     * Creates the runner.
     *
     * @param dataSource the instance database
     */
    public PluginMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The table prefix of an extension.
     *
     * @param id the extension's id
     * @return {@code p_<id>_}
     */
    public static String prefix(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidPluginException("a web extension id is 1–31 lower-case letters and digits, starting with a letter: " + id);
        }
        return "p_" + id + "_";
    }

    /**
     * Applies an extension's pending migrations.
     *
     * @param id         the extension's id
     * @param migrations its migrations
     */
    public void migrate(String id, List<Migration> migrations) {
        String prefix = prefix(id);
        if (migrations.isEmpty()) {
            return;
        }
        Set<Integer> versions = new HashSet<>();
        List<JavaMigration> resolved = new ArrayList<>();
        for (Migration migration : migrations) {
            if (!versions.add(migration.version())) {
                throw new InvalidPluginException(id + " declares migration version " + migration.version() + " twice");
            }
            checkTables(prefix, migration);
            resolved.add(new SqlMigration(migration));
        }
        Flyway.configure()
                .dataSource(dataSource)
                .table("flyway_" + prefix.substring(0, prefix.length() - 1))
                .locations("classpath:org/atelier/server/plugins/none")
                .javaMigrations(resolved.toArray(JavaMigration[]::new))
                // the kernel's tables make the schema non-empty; a new history table starts at 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("before the first migration of " + id)
                .load()
                .migrate();
    }

    /**
     * Checks every statement of a migration before anything runs.
     *
     * @param prefix    the extension's table prefix
     * @param migration the migration
     * @throws InvalidPluginException naming the migration and what it did wrong
     */
    static void checkTables(String prefix, Migration migration) {
        for (String statement : statements(migration.sql())) {
            try {
                MigrationGuard.check(prefix, statement);
            } catch (MigrationGuard.Refused e) {
                throw new InvalidPluginException("migration " + migration.version() + " (" + migration.description()
                        + ") was refused: " + e.getMessage() + ". A plugin's migrations may only create, alter and "
                        + "drop its own tables and indexes, whose names start with " + prefix
                        + ", and change their rows");
            }
        }
    }

    /** Splits statements at semicolons that end a line. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        for (String part : sql.split(";\\s*(\\r?\\n|$)")) {
            String statement = part.lines().filter(l -> !l.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b).strip();
            if (!statement.isEmpty()) {
                statements.add(statement);
            }
        }
        return statements;
    }

    private static final class SqlMigration implements JavaMigration {
        private final Migration migration;

        SqlMigration(Migration migration) {
            this.migration = migration;
        }

        @Override
        public MigrationVersion getVersion() {
            return MigrationVersion.fromVersion(Integer.toString(migration.version()));
        }

        @Override
        public String getDescription() {
            return migration.description();
        }

        @Override
        public Integer getChecksum() {
            CRC32 crc = new CRC32();
            crc.update(migration.sql().getBytes(StandardCharsets.UTF_8));
            return (int) crc.getValue();
        }

        @Override
        public boolean canExecuteInTransaction() {
            return true;
        }

        @Override
        public void migrate(Context context) throws Exception {
            try (Statement statement = context.getConnection().createStatement()) {
                for (String sql : statements(migration.sql())) {
                    statement.execute(sql);
                }
            }
        }
    }
}
