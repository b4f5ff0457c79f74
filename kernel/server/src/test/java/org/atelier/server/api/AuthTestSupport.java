package org.atelier.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atelier.plugin.api.web.Role;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.Registration;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.http.Json;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;

/**
 * Shared helpers of the accounts, sessions, CSRF and authorisation tests: one running instance
 * per database kind and test class, unique names, row counts and whole-state snapshots read
 * behind the application's back over JDBC, and raw requests that leave the CSRF token out.
 */
public final class AuthTestSupport {
    /** The password every fixture account gets. */
    public static final String PASSWORD = TestInstance.PASSWORD;
    /** The admin every shared instance has. */
    public static final String OWNER = "owner";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private AuthTestSupport() {
    }

    /**
     * Instances shared by the tests of one class, one per database kind, started on first use.
     */
    public static final class PerKind implements AutoCloseable {
        private final Map<TestDatabase.Kind, TestInstance> instances = new EnumMap<>(TestDatabase.Kind.class);
        private final Function<TestDatabase.Kind, TestInstance> factory;

        /**
         * Instances made by a factory.
         *
         * @param factory starts an instance for a kind
         */
        public PerKind(Function<TestDatabase.Kind, TestInstance> factory) {
            this.factory = factory;
        }

        /**
         * Instances with the admin {@link #OWNER} already set up.
         *
         * @return the holder
         */
        public static PerKind withOwner() {
            return new PerKind(kind -> {
                TestInstance instance = TestInstance.start(kind);
                instance.createAdmin(OWNER);
                return instance;
            });
        }

        /**
         * The instance for a kind.
         *
         * @param kind the database
         * @return the running instance
         */
        public synchronized TestInstance get(TestDatabase.Kind kind) {
            return instances.computeIfAbsent(kind, factory);
        }

        @Override
        public synchronized void close() {
            for (TestInstance instance : instances.values()) {
                instance.close();
            }
            instances.clear();
        }
    }

    /**
     * A username no other test uses: the prefix, a counter and a random tail, within 30 characters.
     *
     * @param prefix a few lower-case letters
     * @return the username
     */
    public static String unique(String prefix) {
        String tail = Integer.toString(COUNTER.incrementAndGet(), 36)
                + Long.toString(System.nanoTime() & 0xffffff, 36);
        String name = prefix + "_" + tail;
        return name.length() <= 30 ? name : name.substring(0, 30);
    }

    /**
     * The viewer of an existing account.
     *
     * @param instance the instance
     * @param username the account
     * @return its viewer
     */
    public static Viewer viewer(TestInstance instance, String username) {
        return instance.atelier().accounts().byUsername(username).orElseThrow().viewer();
    }

    /**
     * Sets the registration mode as the owner.
     *
     * @param instance the instance
     * @param mode     the mode
     */
    public static void mode(TestInstance instance, RegistrationMode mode) {
        instance.atelier().accounts().setRegistrationMode(viewer(instance, OWNER), mode);
    }

    /**
     * Creates an active account with a role directly through the service (fast fixture).
     *
     * @param instance the instance
     * @param username the username
     * @param role     the role
     * @return the account
     */
    public static Account account(TestInstance instance, String username, Role role) {
        RegistrationMode before = instance.atelier().accounts().registrationMode();
        mode(instance, RegistrationMode.OPEN);
        try {
            instance.atelier().accounts().register(new Registration(username, username + "@example.org", PASSWORD,
                    null, null));
        } finally {
            mode(instance, before);
        }
        if (role != Role.ARTIST) {
            instance.atelier().accounts().setRole(viewer(instance, OWNER), username, role);
        }
        return instance.atelier().accounts().byUsername(username).orElseThrow();
    }

    /**
     * A new client signed in through the API.
     *
     * @param instance the instance
     * @param username who
     * @return the client
     */
    public static BrowserClient signedIn(TestInstance instance, String username) {
        BrowserClient client = instance.client();
        TestInstance.signIn(client, username);
        return client;
    }

    /**
     * A JSON object from simple string fields (nulls left out).
     *
     * @param kv alternating names and values
     * @return the JSON text
     */
    public static String json(String... kv) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                map.put(kv[i], kv[i + 1]);
            }
        }
        return new String(Json.write(map), StandardCharsets.UTF_8);
    }

    /**
     * Parses a JSON object response.
     *
     * @param response the response
     * @return its fields
     */
    public static Map<String, Object> parse(HttpResponse<String> response) {
        return Json.readObject(response.body().getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new AssertionError("not a JSON object: " + response.body()));
    }

    /**
     * URL-encodes a form.
     *
     * @param fields the fields
     * @return the body
     */
    public static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /**
     * Sends a request with the client's cookies but exactly the headers given (no CSRF token
     * unless one is passed).
     *
     * @param client      the client
     * @param method      the method
     * @param path        the path
     * @param contentType the body's type
     * @param body        the body
     * @param headers     alternating extra header names and values
     * @return the response
     */
    public static HttpResponse<String> send(BrowserClient client, String method, String path, String contentType,
                                            String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(client.base().resolve(path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType.startsWith("application/json")) {
            builder.header("Accept", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return client.send(builder);
    }

    /**
     * The raw {@code Set-Cookie} header that sets a cookie.
     *
     * @param response the response
     * @param name     the cookie
     * @return the header's value
     */
    public static Optional<String> setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("set-cookie").stream().filter(h -> h.startsWith(name + "=")).findFirst();
    }

    /**
     * Whether a client is signed in, asked of the server.
     *
     * @param client the client
     * @return its username, or empty when anonymous
     */
    public static Optional<String> whoAmI(BrowserClient client) {
        HttpResponse<String> me = client.get("/api/v1/accounts/me");
        if (me.statusCode() == 401) {
            return Optional.empty();
        }
        assertEquals(200, me.statusCode(), me.body());
        return Optional.of((String) parse(me).get("username"));
    }

    /**
     * One number from the database.
     *
     * @param instance the instance
     * @param sql      a query returning one number
     * @param params   its parameters
     * @return the number
     */
    public static long count(TestInstance instance, String sql, Object... params) {
        List<List<String>> rows = rows(instance, sql, params);
        return Long.parseLong(rows.get(0).get(0));
    }

    /**
     * How many accounts have a username.
     *
     * @param instance the instance
     * @param username the username, exactly
     * @return 0 or 1
     */
    public static long accountsNamed(TestInstance instance, String username) {
        return count(instance, "SELECT COUNT(*) FROM accounts WHERE username = ?", username);
    }

    /**
     * One text value from the database.
     *
     * @param instance the instance
     * @param sql      a query returning one row and column
     * @param params   its parameters
     * @return the value
     */
    public static String value(TestInstance instance, String sql, Object... params) {
        List<List<String>> rows = rows(instance, sql, params);
        assertEquals(1, rows.size(), "rows of " + sql);
        return rows.get(0).get(0);
    }

    /**
     * Everything the accounts, sessions, invites, settings and plugins tables hold, as text:
     * equal snapshots mean a request changed nothing there.
     *
     * @param instance the instance
     * @return the snapshot
     */
    public static String snapshot(TestInstance instance) {
        StringBuilder out = new StringBuilder();
        for (String sql : List.of(
                "SELECT id, username, email, display_name, bio, password_hash, role, status FROM accounts ORDER BY id",
                "SELECT id_hash, account_id, csrf_token FROM sessions ORDER BY id_hash",
                "SELECT code_hash, max_uses, uses, expires_at FROM invites ORDER BY code_hash",
                "SELECT setting_name, setting_value FROM instance_settings ORDER BY setting_name",
                "SELECT symbolic_name, version, jar_sha256, desired_state, updated_at FROM plugins ORDER BY symbolic_name")) {
            out.append(sql).append('\n');
            for (List<String> row : rows(instance, sql)) {
                out.append("  ").append(row).append('\n');
            }
        }
        return out.toString();
    }

    private static List<List<String>> rows(TestInstance instance, String sql, Object... params) {
        try (Connection c = instance.database().connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(r.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
