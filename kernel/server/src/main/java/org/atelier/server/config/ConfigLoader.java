package org.atelier.server.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atelier.server.federation.dereferencing.AddressAllowList;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@link AtelierConfig} from a YAML file, then lets environment variables override each
 * value. Every key and variable is listed in the README; unknown keys are refused so that a typo
 * does not silently fall back to a default.
 *
 * <pre>
 * port: 8080                 # ATELIER_PORT
 * bind: 127.0.0.1            # ATELIER_BIND
 * data-dir: ./data           # ATELIER_DATA_DIR
 * base-url: http://localhost:8080   # ATELIER_BASE_URL
 * database:
 *   url: ""                  # ATELIER_DB_URL (empty: embedded H2 under data-dir)
 *   user: atelier            # ATELIER_DB_USER
 *   password: ""             # ATELIER_DB_PASSWORD
 * plugins:
 *   bundled: ./plugins       # ATELIER_BUNDLED_PLUGINS (or -Datelier.bundledPlugins)
 *   timeout-ms: 5000         # ATELIER_PLUGIN_TIMEOUT_MS
 * federation:
 *   allow-private: [10.1.0.0/16, relay.internal]   # ATELIER_FEDERATION_ALLOW_PRIVATE, comma-separated
 * </pre>
 */
public final class ConfigLoader {
    private static final java.util.Set<String> TOP_KEYS =
            java.util.Set.of("port", "bind", "data-dir", "base-url", "database", "plugins", "federation");
    private static final java.util.Set<String> DATABASE_KEYS = java.util.Set.of("url", "user", "password");
    private static final java.util.Set<String> PLUGIN_KEYS = java.util.Set.of("bundled", "timeout-ms");
    private static final java.util.Set<String> FEDERATION_KEYS = java.util.Set.of("allow-private");

    private final Function<String, String> env;

    /**
     * A loader reading the given environment (tests pass a map).
     *
     * @param env looks up environment variables; returns null when unset
     */
    public ConfigLoader(Function<String, String> env) {
        this.env = env;
    }

    /**
     * A loader reading the process environment.
     *
     * @return the loader
     */
    public static ConfigLoader fromSystem() {
        return new ConfigLoader(System::getenv);
    }

    /**
     * Loads the configuration.
     *
     * @param file the YAML file, if any; a missing file is an error only when it was named
     * @return the configuration
     * @throws IllegalArgumentException with a message naming the offending key or variable
     */
    public AtelierConfig load(Optional<Path> file) {
        Map<String, Object> yaml = file.map(ConfigLoader::readYaml).orElse(Map.of());
        checkKeys(yaml, "", TOP_KEYS);
        Map<String, Object> db = section(yaml, "database");
        Map<String, Object> plugins = section(yaml, "plugins");
        checkKeys(db, "database.", DATABASE_KEYS);
        checkKeys(plugins, "plugins.", PLUGIN_KEYS);
        Map<String, Object> federation = section(yaml, "federation");
        checkKeys(federation, "federation.", FEDERATION_KEYS);

        int port = parseInt("port / ATELIER_PORT", value("ATELIER_PORT", yaml.get("port"), "8080"));
        String bind = value("ATELIER_BIND", yaml.get("bind"), "127.0.0.1");
        Path dataDir = Path.of(value("ATELIER_DATA_DIR", yaml.get("data-dir"), "data")).toAbsolutePath().normalize();
        String defaultBase = "http://localhost:" + (port == 0 ? 8080 : port);
        URI baseUrl = parseUri(value("ATELIER_BASE_URL", yaml.get("base-url"), defaultBase));
        String dbUrl = value("ATELIER_DB_URL", db.get("url"), "");
        String dbUser = value("ATELIER_DB_USER", db.get("user"), dbUrl.isBlank() ? "sa" : "atelier");
        String dbPassword = value("ATELIER_DB_PASSWORD", db.get("password"), "");
        String bundled = value("ATELIER_BUNDLED_PLUGINS", plugins.get("bundled"),
                System.getProperty("atelier.bundledPlugins", ""));
        long timeout = parseInt("plugins.timeout-ms / ATELIER_PLUGIN_TIMEOUT_MS", value("ATELIER_PLUGIN_TIMEOUT_MS",
                plugins.get("timeout-ms"), "5000"));
        AddressAllowList allowPrivate = parseAllowList(value("ATELIER_FEDERATION_ALLOW_PRIVATE",
                commaSeparated(federation.get("allow-private")), ""));

        return new AtelierConfig(port, bind, dataDir,
                new AtelierConfig.DatabaseConfig(dbUrl.isBlank() ? Optional.empty() : Optional.of(dbUrl), dbUser, dbPassword),
                baseUrl, bundled.isBlank() ? Optional.empty() : Optional.of(Path.of(bundled).toAbsolutePath()), timeout,
                allowPrivate);
    }

    /** A YAML list is the same as its items separated by commas (the variable's form). */
    private static Object commaSeparated(Object fromYaml) {
        if (fromYaml instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (fromYaml instanceof Map) {
            throw new IllegalArgumentException("federation.allow-private must be a list or a comma-separated string");
        }
        return fromYaml;
    }

    private static AddressAllowList parseAllowList(String text) {
        try {
            return AddressAllowList.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("federation.allow-private / ATELIER_FEDERATION_ALLOW_PRIVATE: "
                    + e.getMessage(), e);
        }
    }

    private String value(String variable, Object fromYaml, String fallback) {
        String fromEnv = env.apply(variable);
        // compose files often pass unset variables as empty strings: those mean "not set",
        // except for the password, which may deliberately be empty
        if (fromEnv != null && (!fromEnv.isBlank() || variable.equals("ATELIER_DB_PASSWORD"))) {
            return fromEnv.trim();
        }
        return fromYaml == null ? fallback : String.valueOf(fromYaml).trim();
    }

    /** Refuses keys that are not known, so that a typo does not silently fall back to a default. */
    private static void checkKeys(Map<String, Object> yaml, String prefix, java.util.Set<String> known) {
        for (Object key : yaml.keySet()) {
            if (!(key instanceof String name) || !known.contains(name)) {
                throw new IllegalArgumentException("unknown configuration key '" + prefix + key + "'; known: "
                        + new java.util.TreeSet<>(known).stream().map(k -> prefix + k).toList());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> yaml, String key) {
        Object value = yaml.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("configuration key '" + key + "' must be a section");
        }
        return (Map<String, Object>) value;
    }

    private static int parseInt(String what, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, not '" + text + "'");
        }
    }

    private static URI parseUri(String text) {
        URI uri;
        try {
            uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("base-url / ATELIER_BASE_URL is not a URL: " + text, e);
        }
        if ((uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null || uri.getFragment() != null
                || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("base-url / ATELIER_BASE_URL must be just scheme, host and port, "
                    + "without a path, query or user: " + text);
        }
        return uri;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file)) {
            Object loaded = new Yaml(new SafeConstructor(options)).load(reader);
            if (loaded == null) {
                return Map.of();
            }
            if (!(loaded instanceof Map)) {
                throw new IllegalArgumentException(file + " must hold a YAML mapping");
            }
            return (Map<String, Object>) loaded;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }
}
