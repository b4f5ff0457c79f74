package org.atelier.server.testplugins.badmigration;

import java.util.List;
import java.util.Map;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.Migration;
import org.atelier.plugin.api.web.Route;
import org.atelier.plugin.api.web.WebExtension;
import org.atelier.plugin.api.web.WebResponse;

/** An extension (id {@code bad}) with one migration that touches kernel tables in some way. */
public final class BadMigrationExtension implements WebExtension {
    /** The migrations by case name. */
    public static final Map<String, String> CASES = Map.ofEntries(
            Map.entry("create", "CREATE TABLE accounts2 (id BIGINT PRIMARY KEY);\n"),
            Map.entry("drop", "CREATE TABLE p_bad_first (id BIGINT PRIMARY KEY);\nDROP TABLE accounts;\n"),
            Map.entry("droplist", "CREATE TABLE p_bad_x (id BIGINT PRIMARY KEY);\n"
                    + "DROP TABLE IF EXISTS p_bad_x, instance_settings;\n"),
            Map.entry("comment", "DROP TABLE /* only my own */ instance_settings;\n"),
            Map.entry("hashcomment", "DROP TABLE # only my own\ninstance_settings;\n"),
            Map.entry("truncate", "TRUNCATE instance_settings;\n"),
            Map.entry("rename", "CREATE TABLE p_bad_y (id BIGINT PRIMARY KEY);\n"
                    + "ALTER TABLE p_bad_y RENAME TO accounts3;\n"),
            Map.entry("multiupdate", "CREATE TABLE p_bad_z (id BIGINT PRIMARY KEY);\n"
                    + "INSERT INTO p_bad_z (id) VALUES (1);\n"
                    + "UPDATE p_bad_z, accounts SET accounts.display_name = 'pwned';\n"),
            Map.entry("replace", "CREATE OR REPLACE TABLE instance_settings (id BIGINT PRIMARY KEY);\n"),
            Map.entry("view", "CREATE VIEW accounts4 AS SELECT id FROM accounts;\n"));

    private final String which;

    BadMigrationExtension(String which) {
        this.which = which;
    }

    @Override
    public String id() {
        return "bad";
    }

    @Override
    public List<Migration> migrations() {
        return List.of(new Migration(1, "bad " + which, CASES.getOrDefault(which, "DROP TABLE accounts;\n")));
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/x-bad/ping", Access.PUBLIC, r -> WebResponse.text(200, "served " + which)));
    }
}
