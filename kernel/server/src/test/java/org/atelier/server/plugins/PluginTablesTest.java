package org.atelier.server.plugins;

import static org.atelier.server.plugins.PluginTesting.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.atelier.server.testing.TestInstance;
import org.atelier.server.testplugins.badmigration.BadMigrationActivator;
import org.atelier.server.testplugins.badmigration.BadMigrationExtension;
import org.atelier.server.testplugins.notes.NotesActivator;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestBundles;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A web extension's own tables: created and evolved by its migrations when it starts, used by its
 * handlers through {@code request.database()}, kept with their data when it is uninstalled, and
 * not migrated again when it comes back. A migration that reaches for any other table is refused
 * before a statement runs: the extension is not served and the kernel's tables are untouched.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class PluginTablesTest {
    private static final String NOTES = PluginTesting.name("notes");
    private final PluginTesting.Instances instances = new PluginTesting.Instances();

    @AfterAll
    void close() {
        instances.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void tablesAreMigratedUsedAndKeptAcrossUninstall(TestDatabase.Kind kind) throws Exception {
        PluginTesting.Fixture fixture = instances.get(kind);
        TestInstance instance = fixture.instance();
        BrowserClient admin = fixture.admin();
        BrowserClient visitor = fixture.visitor();
        byte[] jar = PluginTesting.bundle("notes", NotesActivator.class);

        PluginTesting.installActive(admin, jar);
        assertEquals(List.of("1:true", "2:true"), history(instance));
        HttpResponse<String> added = visitor.json("POST", "/x-notes", "{\"body\":\"first note\",\"author\":\"ada\"}");
        assertStatus(201, added);
        assertEquals(2, PluginTesting.json(added).path("count").asInt(), added.body());
        JsonNode notes = PluginTesting.json(visitor.get("/x-notes")).path("notes");
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.path(0).path("body").asText().startsWith("seeded by migration 1"), notes.toString());
        assertTrue(notes.path(0).path("author").isNull(), notes.toString());
        assertEquals("first note", notes.path(1).path("body").asText());
        assertEquals("ada", notes.path(1).path("author").asText());
        assertEquals(List.of("seeded by migration 1; not an UPDATE accounts|null", "first note|ada"), rows(instance));
        String installedOn = installedOn(instance);

        // uninstall: not served, but the table and its rows stay
        assertStatus(204, PluginTesting.uninstall(admin, NOTES));
        assertStatus(404, visitor.get("/x-notes"));
        assertEquals(List.of("seeded by migration 1; not an UPDATE accounts|null", "first note|ada"), rows(instance));
        assertEquals(List.of("1:true", "2:true"), history(instance));

        // reinstall: the data is there, the migrations did not run again
        PluginTesting.installActive(admin, jar);
        assertStatus(201, visitor.json("POST", "/x-notes", "{\"body\":\"second note\",\"author\":\"grace\"}"));
        notes = PluginTesting.json(visitor.get("/x-notes")).path("notes");
        assertEquals(3, notes.size(), notes.toString());
        assertEquals(List.of("1:true", "2:true"), history(instance));
        assertEquals(installedOn, installedOn(instance));

        // and so after a restart
        instance.restart();
        BrowserClient after = instance.client();
        assertEquals(3, PluginTesting.json(after.get("/x-notes")).path("notes").size());
        assertEquals(List.of("1:true", "2:true"), history(instance));
        instances.reconnect(kind);
        assertStatus(204, PluginTesting.uninstall(instances.get(kind).admin(), NOTES));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void migrationsReachingForOtherTablesAreRefused(TestDatabase.Kind kind) throws Exception {
        PluginTesting.Fixture fixture = instances.get(kind);
        TestInstance instance = fixture.instance();
        BrowserClient admin = fixture.admin();
        BrowserClient visitor = fixture.visitor();
        String kernelBefore = kernelSnapshot(instance);

        for (String which : new TreeSet<>(BadMigrationExtension.CASES.keySet())) {
            String name = PluginTesting.name("bad." + which);
            HttpResponse<String> installed = PluginTesting.install(admin,
                    TestBundles.bundle(name).activator(BadMigrationActivator.class).build());
            try {
                assertStatus(201, installed);
                JsonNode info = PluginTesting.json(installed);
                assertEquals("failed", info.path("state").asText(), which + ": " + installed.body());
                assertTrue(info.path("error").asText().contains("p_bad_"),
                        which + ": the error says which prefix tables need: " + installed.body());
                assertStatus(404, visitor.get("/x-bad/ping"));
                assertEquals("failed", PluginTesting.listed(admin, name).orElseThrow().path("state").asText());
            } finally {
                assertStatus(204, PluginTesting.uninstall(admin, name));
            }
            assertEquals(kernelBefore, kernelSnapshot(instance), which + " changed the kernel's tables");
        }
        for (String table : tables(instance)) {
            assertFalse(table.startsWith("p_bad") || table.startsWith("flyway_p_bad"),
                    "a refused migration ran partly: " + table);
        }
        assertStatus(200, visitor.get("/"));
        assertStatus(200, visitor.get("/health"));
    }

    private static List<String> history(TestInstance instance) throws SQLException {
        List<String> all = query(instance, "SELECT version, type, success FROM flyway_p_notes ORDER BY installed_rank",
                rs -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getBoolean(3));
        System.out.println("flyway_p_notes: " + all);
        return query(instance, "SELECT version, success FROM flyway_p_notes WHERE type = 'JDBC' ORDER BY installed_rank",
                rs -> rs.getString(1) + ":" + rs.getBoolean(2));
    }

    private static String installedOn(TestInstance instance) throws SQLException {
        return query(instance, "SELECT installed_on FROM flyway_p_notes WHERE type = 'JDBC' ORDER BY installed_rank", rs ->
                String.valueOf(rs.getTimestamp(1))).toString();
    }

    private static List<String> rows(TestInstance instance) throws SQLException {
        return query(instance, "SELECT body, author FROM p_notes_notes ORDER BY id", rs ->
                rs.getString(1) + "|" + rs.getString(2));
    }

    private static List<String> tables(TestInstance instance) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = instance.database().connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            String catalog = connection.getCatalog();
            String schema = connection.getSchema();
            try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    /** The kernel's tables and the rows of those the bad migrations aim at. */
    private static String kernelSnapshot(TestInstance instance) throws SQLException {
        List<String> kernel = new ArrayList<>();
        for (String table : tables(instance)) {
            if (!table.startsWith("p_") && !table.startsWith("flyway_p_")) {
                kernel.add(table);
            }
        }
        return kernel + "\n"
                + query(instance, "SELECT id, username, display_name, role FROM accounts ORDER BY id",
                        rs -> rs.getLong(1) + "," + rs.getString(2) + "," + rs.getString(3) + "," + rs.getString(4)) + "\n"
                + query(instance, "SELECT setting_name, setting_value FROM instance_settings ORDER BY setting_name",
                        rs -> rs.getString(1) + "=" + rs.getString(2));
    }

    private interface Row {
        String read(ResultSet rs) throws SQLException;
    }

    private static List<String> query(TestInstance instance, String sql, Row row) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection connection = instance.database().connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                out.add(row.read(rs));
            }
        }
        return out;
    }
}
