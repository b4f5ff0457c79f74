package org.atelier.plugin.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One versioned schema change of an extension's own tables. The SQL must run unchanged on H2 (in
 * MariaDB mode) and MariaDB 10.6+; statements are separated by semicolons at line ends. Once
 * released, a migration is never changed: add a new version instead.
 *
 * @param version     its version, from 1, unique within the extension
 * @param description what it does, in a few words
 * @param sql         the statements
 */
public record Migration(int version, String description, String sql) {
    /**
     * Validates the components.
     *
     * @param version     positive version
     * @param description what it does
     * @param sql         the statements
     */
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
    }

    /**
     * Reads a migration's SQL from a resource of the extension's own bundle.
     *
     * @param owner       a class of the extension, whose class loader finds the resource
     * @param version     the migration's version
     * @param description what it does
     * @param resource    the resource path, for example {@code /db/V1__jobs.sql}
     * @return the migration
     * @throws UncheckedIOException when the resource is missing or unreadable
     */
    public static Migration fromResource(Class<?> owner, int version, String description, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing migration resource " + resource);
            }
            return new Migration(version, description, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
