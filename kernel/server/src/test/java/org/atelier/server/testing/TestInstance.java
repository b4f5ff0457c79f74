package org.atelier.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.atelier.server.Atelier;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.Registration;
import org.atelier.server.config.AtelierConfig;
import org.atelier.server.federation.dereferencing.AddressAllowList;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;

/**
 * A real Atelier instance for a test: its own fresh database (H2 or MariaDB), its own data
 * directory, a free port, the bundled plugins built by this reactor. It can be restarted on the
 * same database and data directory to test what survives a restart.
 */
public final class TestInstance implements AutoCloseable {
    /** The password every fixture account gets. */
    public static final String PASSWORD = "correct horse battery";
    /**
     * What test instances let federation reach although it is loopback: each other, and the
     * test's own fake remote servers, all on 127.0.0.1.
     */
    public static final AddressAllowList LOOPBACK = AddressAllowList.parse("127.0.0.1/32");

    private final TestDatabase database;
    private final Path dataDir;
    private AtelierConfig config;
    private Atelier atelier;

    private TestInstance(TestDatabase database, Path dataDir, AtelierConfig config, boolean runJobs) {
        this.database = database;
        this.dataDir = dataDir;
        this.config = config;
        this.atelier = Atelier.start(config, Clock.systemUTC(), runJobs);
    }

    /**
     * Starts an instance on a fresh database.
     *
     * @param kind H2 or MariaDB
     * @return the running instance
     */
    public static TestInstance start(TestDatabase.Kind kind) {
        return start(kind, URI.create("http://localhost"), 5_000);
    }

    /**
     * Starts an instance on a fresh database that claims no jobs: what it enqueues waits until
     * {@link #restart()} (or a test claiming jobs itself).
     *
     * @param kind H2 or MariaDB
     * @return the running instance
     */
    public static TestInstance startWithoutJobs(TestDatabase.Kind kind) {
        return start(kind, URI.create("http://localhost"), 5_000, false);
    }

    /**
     * Starts an instance on a fresh database with a given base URL and plugin timeout.
     *
     * @param kind          H2 or MariaDB
     * @param baseUrl       the instance's public base URL
     * @param pluginTimeout the plugin call timeout in ms
     * @return the running instance
     */
    public static TestInstance start(TestDatabase.Kind kind, URI baseUrl, long pluginTimeout) {
        return start(kind, baseUrl, pluginTimeout, true);
    }

    /**
     * Starts an instance that other instances can federate with: its base URL is its real address,
     * {@code http://127.0.0.1:<port>} (a port found free first, kept across {@link #restart()}),
     * and its outbound requests may reach 127.0.0.1.
     *
     * @param kind H2 or MariaDB
     * @return the running instance
     */
    public static TestInstance startFederated(TestDatabase.Kind kind) {
        return startFederated(kind, true);
    }

    /**
     * Starts an instance at its real address, like {@link #startFederated(TestDatabase.Kind)}.
     *
     * @param kind          H2 or MariaDB
     * @param reachLoopback whether its outbound requests may reach 127.0.0.1 (a production instance may not)
     * @return the running instance
     */
    public static TestInstance startFederated(TestDatabase.Kind kind, boolean reachLoopback) {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(kind, port, URI.create("http://127.0.0.1:" + port), 5_000, true,
                reachLoopback ? LOOPBACK : AddressAllowList.NONE);
    }

    private static TestInstance start(TestDatabase.Kind kind, URI baseUrl, long pluginTimeout, boolean runJobs) {
        return start(kind, 0, baseUrl, pluginTimeout, runJobs, LOOPBACK);
    }

    private static TestInstance start(TestDatabase.Kind kind, int port, URI baseUrl, long pluginTimeout, boolean runJobs,
                                      AddressAllowList allowList) {
        TestDatabase database = TestDatabase.create(kind);
        try {
            Path dataDir = Files.createTempDirectory("atelier-data-");
            String bundled = System.getProperty("atelier.bundledPlugins");
            AtelierConfig config = new AtelierConfig(port, "127.0.0.1", dataDir,
                    new AtelierConfig.DatabaseConfig(Optional.of(database.url()), database.user(), database.password()),
                    baseUrl, Optional.ofNullable(bundled).map(Path::of), pluginTimeout, allowList);
            return new TestInstance(database, dataDir, config, runJobs);
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** @return the running kernel */
    public Atelier atelier() {
        return atelier;
    }

    /** @return the instance's public base URL, without a trailing slash */
    public String baseUrl() {
        String base = config.baseUrl().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** @return the data directory */
    public Path dataDir() {
        return dataDir;
    }

    /** @return the database */
    public TestDatabase database() {
        return database;
    }

    /** @return a new browser-like client for this instance */
    public BrowserClient client() {
        return new BrowserClient(atelier.localUri());
    }

    /** Stops and starts the instance again on the same database and data directory, running jobs. */
    public void restart() {
        atelier.close();
        atelier = Atelier.start(config, Clock.systemUTC());
    }

    /**
     * Creates the admin account through the real setup path.
     *
     * @param username the admin's username
     * @return the account
     */
    public Account createAdmin(String username) {
        return atelier.accounts().setUpAdmin(new Registration(username, username + "@example.org", PASSWORD, username, null));
    }

    /**
     * Signs a client in through the API.
     *
     * @param client   the client
     * @param username the username
     * @return the sign-in response
     */
    public static HttpResponse<String> signIn(BrowserClient client, String username) {
        HttpResponse<String> response = client.json("POST", "/api/v1/sessions",
                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    /**
     * Registers an artist through the API (registration mode permitting).
     *
     * @param client   the client
     * @param username the username
     * @return the response
     */
    public static HttpResponse<String> register(BrowserClient client, String username) {
        return client.json("POST", "/api/v1/accounts", "{\"username\":\"" + username + "\",\"email\":\"" + username
                + "@example.org\",\"password\":\"" + PASSWORD + "\"}");
    }

    /**
     * A form as a map, for readability in tests.
     *
     * @param kv alternating names and values
     * @return the map
     */
    public static Map<String, String> form(String... kv) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    @Override
    public void close() {
        try {
            atelier.close();
        } finally {
            database.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // temporary files; the OS cleans up what is left
            }
        }
    }
}
