package org.atelier.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.atelier.server.federation.dereferencing.AddressAllowList;

/**
 * Everything an instance is configured with at start-up. Instance settings that admins change at
 * run time (registration mode and the like) live in the database instead.
 *
 * @param port           HTTP port; 0 picks a free one (tests)
 * @param bind           address to listen on
 * @param dataDir        where the embedded database, plugin jars and media live
 * @param database       how to reach the database
 * @param baseUrl        the public base URL of the instance (its identity in federation)
 * @param bundledPlugins where the plugin jars shipped with this build are, installed on first start
 * @param pluginTimeoutMillis how long a call into a plugin may take before it is cut off
 * @param federationAllowPrivate private, loopback and other special addresses and hosts that
 *                       federation requests may reach all the same (none by default)
 */
public record AtelierConfig(int port, String bind, Path dataDir, DatabaseConfig database, URI baseUrl,
                            Optional<Path> bundledPlugins, long pluginTimeoutMillis,
                            AddressAllowList federationAllowPrivate) {

    /**
     * How to reach the database.
     *
     * @param url      JDBC URL; empty means the embedded H2 database under the data directory
     * @param user     user name
     * @param password password
     */
    public record DatabaseConfig(Optional<String> url, String user, String password) {
        /**
         * Validates the components.
         *
         * @param url      JDBC URL, if not embedded
         * @param user     user name
         * @param password password
         */
        public DatabaseConfig {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        /**
         * The JDBC URL to connect with, resolving the embedded default.
         *
         * @param dataDir the data directory
         * @return a JDBC URL
         */
        public String jdbcUrl(Path dataDir) {
            return url.orElseGet(() -> "jdbc:h2:file:" + dataDir.resolve("db").resolve("atelier").toAbsolutePath()
                    + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
        }
    }

    /**
     * Validates the components.
     *
     * @param port                HTTP port
     * @param bind                listen address
     * @param dataDir             data directory
     * @param database            database settings
     * @param baseUrl             public base URL
     * @param bundledPlugins      bundled plugin jars
     * @param pluginTimeoutMillis plugin call timeout
     * @param federationAllowPrivate special addresses federation may reach
     */
    public AtelierConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0–65535: " + port);
        }
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(bundledPlugins, "bundledPlugins");
        Objects.requireNonNull(federationAllowPrivate, "federationAllowPrivate");
        if (baseUrl == null || !List.of("http", "https").contains(baseUrl.getScheme()) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("base URL must be an absolute http(s) URL: " + baseUrl);
        }
        if (pluginTimeoutMillis <= 0) {
            throw new IllegalArgumentException("plugin timeout must be positive");
        }
    }

    /**
     * Whether the instance is served over https, which makes cookies {@code Secure}.
     *
     * @return true for an https base URL
     */
    public boolean secure() {
        return "https".equals(baseUrl.getScheme());
    }

    /**
     * This configuration with another port (tests start on port 0).
     *
     * @param newPort the port
     * @return a copy
     */
    public AtelierConfig withPort(int newPort) {
        return new AtelierConfig(newPort, bind, dataDir, database, baseUrl, bundledPlugins, pluginTimeoutMillis,
                federationAllowPrivate);
    }

    /**
     * This configuration with another base URL.
     *
     * @param newBaseUrl the base URL
     * @return a copy
     */
    public AtelierConfig withBaseUrl(URI newBaseUrl) {
        return new AtelierConfig(port, bind, dataDir, database, newBaseUrl, bundledPlugins, pluginTimeoutMillis,
                federationAllowPrivate);
    }

    /**
     * This configuration with another plugin call timeout.
     *
     * @param millis the timeout
     * @return a copy
     */
    public AtelierConfig withPluginTimeoutMillis(long millis) {
        return new AtelierConfig(port, bind, dataDir, database, baseUrl, bundledPlugins, millis, federationAllowPrivate);
    }
}
