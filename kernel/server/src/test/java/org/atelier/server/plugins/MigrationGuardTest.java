package org.atelier.server.plugins;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.atelier.plugin.api.web.Migration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a web extension's migrations may do, checked before anything runs: the statements a
 * plugin's own schema needs pass; anything touching other tables, or written so that the check
 * and the database could read it differently, is refused with a message naming the migration.
 */
class MigrationGuardTest {
    private static final String PREFIX = "p_jobs_";

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE p_jobs_posts (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(200) NOT NULL)",
        "create table if not exists `p_jobs_posts` (id bigint primary key)",
        "CREATE TABLE \"p_jobs_tags\" (post_id BIGINT NOT NULL, CONSTRAINT p_jobs_fk FOREIGN KEY (post_id) "
                + "REFERENCES p_jobs_posts (id) ON DELETE CASCADE)",
        "CREATE TABLE P_JOBS_UPPER (id BIGINT)",
        "CREATE UNIQUE INDEX p_jobs_posts_title ON p_jobs_posts (title)",
        "CREATE INDEX IF NOT EXISTS p_jobs_posts_t2 ON p_jobs_posts (title, id)",
        "ALTER TABLE p_jobs_posts ADD COLUMN body TEXT NULL",
        "ALTER TABLE p_jobs_posts ADD CONSTRAINT p_jobs_fk2 FOREIGN KEY (id) REFERENCES p_jobs_tags (post_id)",
        "ALTER TABLE p_jobs_posts RENAME COLUMN body TO text",
        "ALTER TABLE p_jobs_posts RENAME TO p_jobs_offers",
        "ALTER TABLE p_jobs_posts MODIFY title VARCHAR(300) NOT NULL DEFAULT ''",
        "DROP TABLE p_jobs_old",
        "DROP TABLE IF EXISTS p_jobs_old, p_jobs_older CASCADE",
        "DROP INDEX p_jobs_posts_title ON p_jobs_posts",
        "DROP INDEX IF EXISTS p_jobs_posts_title",
        "RENAME TABLE p_jobs_a TO p_jobs_b, p_jobs_c TO p_jobs_d",
        "TRUNCATE TABLE p_jobs_cache",
        "TRUNCATE p_jobs_cache",
        "INSERT INTO p_jobs_posts (id, title) VALUES (1, 'it''s DROP TABLE accounts; -- and more')",
        "INSERT INTO p_jobs_posts (title) SELECT username FROM accounts",
        "INSERT IGNORE INTO p_jobs_posts (id) VALUES (2)",
        "REPLACE INTO p_jobs_posts (id) VALUES (3)",
        "UPDATE p_jobs_posts SET title = 'x' WHERE id IN (SELECT id FROM accounts)",
        "UPDATE p_jobs_posts p SET p.title = 'y'",
        "DELETE FROM p_jobs_posts WHERE id > 10",
        "DELETE FROM p_jobs_posts",
        "CREATE TABLE p_jobs_x (\n  id BIGINT, -- the id\n  note VARCHAR(10) -- a note\n)"})
    void allowsWhatAPluginsSchemaNeeds(String sql) {
        assertDoesNotThrow(() -> MigrationGuard.check(PREFIX, sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE accounts2 (id BIGINT)",
        "CREATE TABLE IF NOT EXISTS jobs (id BIGINT)",
        "CREATE TABLE p_jobsposts (id BIGINT)",
        "CREATE TABLE p_job_posts (id BIGINT)",
        "CREATE OR REPLACE TABLE accounts (id BIGINT)",
        "CREATE TABLE p_jobs_x (a BIGINT REFERENCES accounts (id))",
        "CREATE TABLE `accounts` (id BIGINT)",
        "CREATE TABLE \"accounts\" (id BIGINT)",
        "CREATE TABLE otherdb.p_jobs_x (id BIGINT)",
        "CREATE TABLE p_jobs_x.accounts (id BIGINT)",
        "CREATE INDEX ix_accounts ON accounts (email)",
        "CREATE INDEX p_jobs_i ON accounts (email)",
        "CREATE INDEX ix_sneaky ON p_jobs_posts (title)",
        "ALTER TABLE accounts ADD COLUMN x INT",
        "ALTER TABLE p_jobs_posts RENAME TO accounts_old",
        "ALTER TABLE p_jobs_posts RENAME accounts_old",
        "ALTER TABLE p_jobs_posts ADD FOREIGN KEY (id) REFERENCES accounts (id)",
        "DROP TABLE accounts",
        "DROP TABLE p_jobs_old, accounts",
        "DROP TABLE IF EXISTS `sessions`",
        "DROP INDEX ix_sessions_account",
        "DROP INDEX p_jobs_i ON sessions",
        "RENAME TABLE accounts TO p_jobs_stolen",
        "RENAME TABLE p_jobs_a TO p_jobs_b, sessions TO p_jobs_c",
        "TRUNCATE accounts",
        "TRUNCATE TABLE instance_settings",
        "INSERT INTO accounts (id) VALUES (1)",
        "INSERT accounts (id) VALUES (1)",
        "REPLACE INTO instance_settings VALUES ('theme', 'x')",
        "UPDATE accounts SET role = 'ADMIN'",
        "UPDATE p_jobs_posts, accounts SET accounts.role = 'ADMIN'",
        "UPDATE p_jobs_posts p JOIN accounts a ON a.id = p.id SET a.role = 'ADMIN'",
        "DELETE FROM accounts",
        "DELETE p_jobs_posts, accounts FROM p_jobs_posts JOIN accounts",
        "DELETE FROM p_jobs_posts USING p_jobs_posts JOIN accounts",
        "DELETE FROM p_jobs_posts, accounts",
        "CREATE VIEW p_jobs_v AS SELECT * FROM accounts",
        "CREATE TRIGGER p_jobs_t BEFORE INSERT ON accounts FOR EACH ROW SET NEW.role = 'ADMIN'",
        "CREATE ALIAS p_jobs_exec FOR \"java.lang.Runtime.exec\"",
        "CREATE DATABASE p_jobs_db",
        "CREATE SCHEMA p_jobs_s",
        "CREATE USER p_jobs_u",
        "GRANT ALL ON *.* TO p_jobs_u",
        "SET FOREIGN_KEY_CHECKS = 0",
        "SET REFERENTIAL_INTEGRITY FALSE",
        "DROP DATABASE test",
        "DROP VIEW accounts",
        "CALL p_jobs_proc()",
        "SELECT * FROM accounts",
        "LOCK TABLES accounts WRITE",
        "RUNSCRIPT FROM '/tmp/x.sql'",
        "DROP TABLE /* mine */ accounts",
        "DROP TABLE /*! accounts */ p_jobs_x",
        "DROP TABLE # mine\naccounts",
        "DROP TABLE p_jobs_x --x\n, accounts",
        "INSERT INTO p_jobs_x VALUES ('a\\'); DROP TABLE accounts; -- ')",
        "INSERT INTO p_jobs_x VALUES (1); DROP TABLE accounts",
        "INSERT INTO p_jobs_x VALUES ($$text$$)",
        "INSERT INTO p_jobs_x VALUES ('unclosed",
        "DROP TABLE `p_jobs_x` , `accounts`",
        "DROP TABLE",
        "CREATE TABLE"})
    void refusesAnythingElse(String sql) {
        assertThrows(MigrationGuard.Refused.class, () -> MigrationGuard.check(PREFIX, sql), sql);
    }

    @Test
    void aRefusedMigrationIsNamedWithWhatIsAllowed() {
        Migration migration = new Migration(3, "tidy up", "CREATE TABLE p_jobs_ok (id BIGINT);\nDROP TABLE accounts;\n");
        InvalidPluginException e = assertThrows(InvalidPluginException.class,
                () -> PluginMigrations.checkTables(PREFIX, migration));
        assertTrue(e.getMessage().startsWith("migration 3 (tidy up) was refused: it touches table 'accounts'"), e.getMessage());
        assertTrue(e.getMessage().contains("names start with p_jobs_"), e.getMessage());
    }

    @Test
    void checksEachStatementAsItWillRun() {
        assertEquals(List.of("CREATE TABLE p_jobs_a (id BIGINT)", "INSERT INTO p_jobs_a VALUES (1)"),
                PluginMigrations.statements("-- a table\nCREATE TABLE p_jobs_a (id BIGINT);\n\nINSERT INTO p_jobs_a VALUES (1);\n"));
        assertDoesNotThrow(() -> PluginMigrations.checkTables(PREFIX, new Migration(1, "ok",
                "-- comments on their own lines are dropped\nCREATE TABLE p_jobs_a (id BIGINT);\n"
                        + "INSERT INTO p_jobs_a VALUES (1);")));
        assertThrows(InvalidPluginException.class, () -> PluginMigrations.checkTables(PREFIX, new Migration(1, "two on a line",
                "CREATE TABLE p_jobs_a (id BIGINT); DROP TABLE accounts;\n")));
    }

    @Test
    void idsMakePrefixes() {
        assertEquals("p_jobs_", PluginMigrations.prefix("jobs"));
        assertEquals("p_a1b_", PluginMigrations.prefix("a1b"));
        // no underscores: otherwise p_notes_ would be the start of the prefix of an id notes_x
        for (String bad : new String[] {null, "", "Jobs", "1jobs", "jobs-board", "jobs.x", "a".repeat(32), "p_jobs; drop",
                "notes_x"}) {
            assertThrows(InvalidPluginException.class, () -> PluginMigrations.prefix(bad), String.valueOf(bad));
        }
    }
}
