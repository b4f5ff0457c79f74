package org.atelier.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.federation.dereferencing.AddressAllowList;
import org.atelier.server.store.DatabaseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading the configuration: YAML values, environment variables that win over them, the
 * defaults (embedded H2 under the data directory), and refusals whose message names the key or
 * variable at fault — unknown keys at any level, bad ports, bad URLs, broken YAML.
 */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private AtelierConfig load(String yaml) {
        try {
            Path file = dir.resolve("atelier.yaml");
            Files.writeString(file, yaml);
            return new ConfigLoader(env::get).load(Optional.of(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private String refusal(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> load(yaml)).getMessage();
    }

    private static final String FULL = """
            port: 8181
            bind: 0.0.0.0
            data-dir: %s
            base-url: https://art.example/
            database:
              url: jdbc:mariadb://db.internal:3306/atelier
              user: art
              password: s3cret
            plugins:
              bundled: %s
              timeout-ms: 1234
            """;

    @Test
    void readsEveryValueFromTheFile() {
        Path data = dir.resolve("data");
        AtelierConfig config = load(FULL.formatted(data, dir.resolve("plugins")));
        assertEquals(8181, config.port());
        assertEquals("0.0.0.0", config.bind());
        assertEquals(data.toAbsolutePath(), config.dataDir());
        assertEquals(URI.create("https://art.example"), config.baseUrl(), "the trailing slash is dropped");
        assertTrue(config.secure());
        assertEquals(Optional.of("jdbc:mariadb://db.internal:3306/atelier"), config.database().url());
        assertEquals("art", config.database().user());
        assertEquals("s3cret", config.database().password());
        assertEquals(Optional.of(dir.resolve("plugins").toAbsolutePath()), config.bundledPlugins());
        assertEquals(1234, config.pluginTimeoutMillis());
        assertEquals(DatabaseKind.MARIADB, DatabaseKind.of(config.database().jdbcUrl(config.dataDir())));
    }

    @Test
    void environmentVariablesWinOverTheFile() {
        env.put("ATELIER_PORT", " 9090 ");
        env.put("ATELIER_BIND", "127.0.0.2");
        env.put("ATELIER_DATA_DIR", dir.resolve("elsewhere").toString());
        env.put("ATELIER_BASE_URL", "http://art.test:9090");
        env.put("ATELIER_DB_URL", "jdbc:h2:mem:x");
        env.put("ATELIER_DB_USER", "envuser");
        env.put("ATELIER_DB_PASSWORD", "envpass");
        env.put("ATELIER_PLUGIN_TIMEOUT_MS", "777");
        AtelierConfig config = load(FULL.formatted(dir.resolve("data"), dir.resolve("plugins")));
        assertEquals(9090, config.port());
        assertEquals("127.0.0.2", config.bind());
        assertEquals(dir.resolve("elsewhere").toAbsolutePath(), config.dataDir());
        assertEquals(URI.create("http://art.test:9090"), config.baseUrl());
        assertFalse(config.secure());
        assertEquals(Optional.of("jdbc:h2:mem:x"), config.database().url());
        assertEquals("envuser", config.database().user());
        assertEquals("envpass", config.database().password());
        assertEquals(777, config.pluginTimeoutMillis());
    }

    @Test
    void withoutAFileTheDefaultsApply() {
        env.put("ATELIER_DATA_DIR", dir.toString());
        AtelierConfig config = new ConfigLoader(env::get).load(Optional.empty());
        assertEquals(8080, config.port());
        assertEquals("127.0.0.1", config.bind());
        assertEquals(URI.create("http://localhost:8080"), config.baseUrl());
        assertEquals(5000, config.pluginTimeoutMillis());
        assertEquals(Optional.empty(), config.database().url());
    }

    @Test
    void anEmptyDatabaseUrlMeansEmbeddedH2UnderTheDataDirectory() {
        Path data = dir.resolve("data");
        for (String yaml : new String[] {"data-dir: " + data + "\n", "data-dir: " + data + "\ndatabase:\n  url: \"\"\n",
                "data-dir: " + data + "\ndatabase:\n  url:\n"}) {
            AtelierConfig config = load(yaml);
            assertEquals(Optional.empty(), config.database().url(), yaml);
            String url = config.database().jdbcUrl(config.dataDir());
            assertTrue(url.startsWith("jdbc:h2:file:" + data.toAbsolutePath().resolve("db").resolve("atelier") + ";"), url);
            assertTrue(url.contains("MODE=MariaDB"), url);
            assertEquals(DatabaseKind.H2, DatabaseKind.of(url));
            assertEquals("sa", config.database().user());
        }
        env.put("ATELIER_DB_URL", "   ");
        assertEquals(Optional.empty(), load("data-dir: " + data + "\n").database().url(),
                "a blank variable is not set: embedded stays the default");
        assertEquals(Optional.of("jdbc:mariadb://x/y"), load("database:\n  url: jdbc:mariadb://x/y\n").database().url(),
                "a blank variable does not override the file");
    }

    @Test
    void atelierDbUrlSwitchesToMariaDb() {
        env.put("ATELIER_DB_URL", "jdbc:mariadb://127.0.0.1:3306/atelier");
        AtelierConfig config = load("data-dir: " + dir + "\n");
        String url = config.database().jdbcUrl(config.dataDir());
        assertEquals("jdbc:mariadb://127.0.0.1:3306/atelier", url);
        assertEquals(DatabaseKind.MARIADB, DatabaseKind.of(url));
        assertEquals("atelier", config.database().user(), "the MariaDB user defaults to atelier");
        assertEquals(DatabaseKind.MARIADB, DatabaseKind.of("jdbc:mysql://127.0.0.1/atelier"));
        String unsupported = assertThrows(IllegalArgumentException.class,
                () -> DatabaseKind.of("jdbc:postgresql://127.0.0.1/atelier")).getMessage();
        assertTrue(unsupported.contains("jdbc:postgresql"), unsupported);
    }

    @Test
    void anUnknownKeyIsRefusedByName() {
        assertTrue(refusal("prot: 8080\n").contains("'prot'"));
        assertTrue(refusal("port: 8080\nbase_url: http://x\n").contains("'base_url'"));
        assertTrue(refusal("database:\n  urll: jdbc:mariadb://x/y\n").contains("'database.urll'"));
        assertTrue(refusal("plugins:\n  timeout: 10\n").contains("'plugins.timeout'"));
        assertTrue(refusal("123: x\n").contains("'123'"));
        String message = refusal("database:\n  pasword: x\n");
        assertTrue(message.contains("database.password"), "the known keys are listed: " + message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "8080x", "70000", "-1", "65536", "99999999999", ""})
    void aBadPortIsRefused(String port) {
        String fromFile = refusal("port: \"" + port + "\"\n");
        assertTrue(fromFile.contains("port"), fromFile);
        if (port.isEmpty()) {
            return; // an empty variable means "not set" (compose passes unset variables as empty)
        }
        env.put("ATELIER_PORT", port);
        String fromEnv = refusal("");
        assertTrue(fromEnv.contains("port") || fromEnv.contains("ATELIER_PORT"), fromEnv);
    }

    @Test
    void otherBadValuesAreRefusedWithTheirName() {
        assertTrue(refusal("plugins:\n  timeout-ms: soon\n").contains("timeout-ms"));
        assertTrue(refusal("plugins:\n  timeout-ms: 0\n").contains("timeout"));
        assertTrue(refusal("database: jdbc:h2:mem:x\n").contains("'database'"));
        assertTrue(refusal("base-url: ftp://art.example\n").contains("base URL"));
        String noScheme = refusal("base-url: art.example\n");
        assertTrue(noScheme.contains("base") && noScheme.contains("art.example"), noScheme);
        String path = refusal("base-url: https://art.example/atelier\n");
        assertTrue(path.contains("base-url") && path.contains("path"), path);
        assertTrue(refusal("base-url: https://art.example/?x=1\n").contains("base-url"));
        assertTrue(refusal("base-url: \"http://exa mple\"\n").contains("base-url"));
    }

    @Test
    void brokenOrOddYamlIsRefusedWithTheFileName() {
        assertTrue(refusal("port: [8080\n").contains("atelier.yaml"));
        assertTrue(refusal("- port\n- 8080\n").contains("mapping"));
        assertTrue(refusal("port: 8080\nport: 9090\n").contains("atelier.yaml"), "duplicate keys are refused");
        assertTrue(refusal("port: !!javax.script.ScriptEngineManager []\n").contains("atelier.yaml"));
        String missing = assertThrows(IllegalArgumentException.class,
                () -> new ConfigLoader(env::get).load(Optional.of(dir.resolve("nope.yaml")))).getMessage();
        assertTrue(missing.contains("nope.yaml"), missing);
        env.put("ATELIER_DATA_DIR", dir.toString());
        assertEquals(8080, load("").port(), "an empty file is all defaults");
    }

    @Test
    void federationMayBeAllowedPrivateAddressesByListOrVariable() throws Exception {
        env.put("ATELIER_DATA_DIR", dir.toString());
        assertSame(AddressAllowList.NONE, new ConfigLoader(env::get).load(Optional.empty()).federationAllowPrivate(),
                "nothing private is reachable by default");
        AddressAllowList list = load("federation:\n  allow-private: [10.1.0.0/16, relay.internal]\n")
                .federationAllowPrivate();
        assertEquals(List.of("10.1.0.0/16", "relay.internal"), list.entries());
        assertTrue(list.permits("other.example", InetAddress.getByName("10.1.2.3")));
        assertEquals(List.of("127.0.0.1/32", "fd00::/8"),
                load("federation:\n  allow-private: 127.0.0.1/32, fd00::/8\n").federationAllowPrivate().entries());
        env.put("ATELIER_FEDERATION_ALLOW_PRIVATE", " 192.168.0.0/16 ,localhost");
        assertEquals(List.of("192.168.0.0/16", "localhost"),
                load("federation:\n  allow-private: [10.1.0.0/16]\n").federationAllowPrivate().entries(),
                "the variable wins over the file");
    }

    @Test
    void aBadAllowListEntryIsRefusedWithTheSettingAndTheEntry() {
        String fromFile = refusal("federation:\n  allow-private: [10.0.0.1/8]\n");
        assertTrue(fromFile.contains("federation.allow-private") && fromFile.contains("'10.0.0.1/8'")
                && fromFile.contains("10.0.0.0/8"), fromFile);
        assertTrue(refusal("federation:\n  allow-private:\n    cidr: 10.0.0.0/8\n").contains("allow-private"));
        assertTrue(refusal("federation:\n  allow-privat: 10.0.0.0/8\n").contains("'federation.allow-privat'"));
        env.put("ATELIER_FEDERATION_ALLOW_PRIVATE", "127.0.0.1/32,*.lan");
        String fromEnv = refusal("");
        assertTrue(fromEnv.contains("ATELIER_FEDERATION_ALLOW_PRIVATE") && fromEnv.contains("'*.lan'"), fromEnv);
    }
}
