package org.atelier.server.store;

/**
 * The databases Atelier runs on.
 */
public enum DatabaseKind {
    /** Embedded H2 in MariaDB compatibility mode: the zero-install default. */
    H2,
    /** MariaDB 10.6+: production. */
    MARIADB;

    /**
     * Recognises the database from its JDBC URL.
     *
     * @param jdbcUrl the URL
     * @return the kind
     * @throws IllegalArgumentException for any other database
     */
    public static DatabaseKind of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("Atelier runs on H2 or MariaDB; unsupported JDBC URL " + jdbcUrl);
    }
}
