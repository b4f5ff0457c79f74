package org.atelier.server.api;

import static org.atelier.server.api.AuthTestSupport.OWNER;
import static org.atelier.server.api.AuthTestSupport.PASSWORD;
import static org.atelier.server.api.AuthTestSupport.count;
import static org.atelier.server.api.AuthTestSupport.json;
import static org.atelier.server.api.AuthTestSupport.setCookie;
import static org.atelier.server.api.AuthTestSupport.signedIn;
import static org.atelier.server.api.AuthTestSupport.unique;
import static org.atelier.server.api.AuthTestSupport.whoAmI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atelier.plugin.api.web.Role;
import org.atelier.server.store.Hashes;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Session cookies as the server sends them (raw {@code Set-Cookie} headers): HttpOnly and
 * SameSite=Lax always, Secure exactly when the base URL is https; sign-out through the form and
 * the API ends the session on the server, so a copied cookie is worthless afterwards; forged
 * cookies are anonymous; usernames are matched exactly on both databases.
 */
class SessionCookiesApiTest {
    private static final AuthTestSupport.PerKind INSTANCES = AuthTestSupport.PerKind.withOwner();
    private static final Pattern CSRF_BODY = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final HttpClient RAW = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterAll
    static void stop() {
        INSTANCES.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void signInOverHttpSetsAnHttpOnlyLaxCookieWithoutSecure(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        BrowserClient client = instance.client();
        String anonymousToken = client.csrf();
        HttpResponse<String> anonymous = rawGet(instance, "/login", null);
        String csrfCookie = setCookie(anonymous, "atelier_csrf").orElseThrow(() -> new AssertionError(anonymous.headers()));
        assertAttributes(csrfCookie, false);

        HttpResponse<String> api = client.json("POST", "/api/v1/sessions", json("username", OWNER, "password", PASSWORD));
        assertEquals(200, api.statusCode(), api.body());
        String cookie = setCookie(api, "atelier_session").orElseThrow(() -> new AssertionError(api.headers()));
        assertAttributes(cookie, false);
        assertTrue(cookie.contains("; Max-Age=2592000"), cookie);
        String secret = value(cookie);
        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
        String sessionToken = (String) AuthTestSupport.parse(api).get("csrfToken");
        assertNotEquals(anonymousToken, sessionToken, "signing in gives a new CSRF token");
        assertEquals(sessionToken, client.csrf());
        // only the secret's hash is stored
        assertEquals(1, count(instance, "SELECT COUNT(*) FROM sessions WHERE id_hash = ?", sha256(secret)));
        assertFalse(AuthTestSupport.snapshot(instance).contains(secret));

        BrowserClient browser = instance.client();
        HttpResponse<String> form = browser.postForm("/login", TestInstance.form("username", OWNER, "password", PASSWORD));
        assertEquals(303, form.statusCode(), form.body());
        assertEquals("/", form.headers().firstValue("location").orElseThrow());
        assertAttributes(setCookie(form, "atelier_session").orElseThrow(), false);
        assertEquals(OWNER, whoAmI(browser).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anHttpsBaseUrlMakesEveryCookieSecure(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind, URI.create("https://art.example"), 5_000)) {
            instance.createAdmin(OWNER);
            // a cookie-keeping client would not send Secure cookies over plain http, so this one is by hand
            HttpResponse<String> csrf = rawGet(instance, "/api/v1/csrf", null);
            String csrfCookie = setCookie(csrf, "atelier_csrf").orElseThrow();
            assertAttributes(csrfCookie, true);
            String token = token(csrf);
            assertEquals(value(csrfCookie), token);

            HttpResponse<String> api = raw(instance, HttpRequest.newBuilder(instance.atelier().localUri().resolve("/api/v1/sessions"))
                    .header("Content-Type", "application/json").header("X-CSRF-Token", token)
                    .header("Cookie", "atelier_csrf=" + token)
                    .POST(HttpRequest.BodyPublishers.ofString(json("username", OWNER, "password", PASSWORD))));
            assertEquals(200, api.statusCode(), api.body());
            String session = setCookie(api, "atelier_session").orElseThrow();
            assertAttributes(session, true);

            HttpResponse<String> form = raw(instance, HttpRequest.newBuilder(instance.atelier().localUri().resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "atelier_csrf=" + token)
                    .POST(HttpRequest.BodyPublishers.ofString(AuthTestSupport.formBody(
                            TestInstance.form("_csrf", token, "username", OWNER, "password", PASSWORD)))));
            assertEquals(303, form.statusCode(), form.body());
            assertAttributes(setCookie(form, "atelier_session").orElseThrow(), true);

            // and the cookie that clears the session on sign-out
            String secret = value(session);
            String sessionToken = (String) AuthTestSupport.parse(api).get("csrfToken");
            HttpResponse<String> out = raw(instance, HttpRequest.newBuilder(instance.atelier().localUri()
                            .resolve("/api/v1/sessions/current"))
                    .header("X-CSRF-Token", sessionToken).header("Cookie", "atelier_session=" + secret).DELETE());
            assertEquals(204, out.statusCode(), out.body());
            String cleared = setCookie(out, "atelier_session").orElseThrow();
            assertAttributes(cleared, true);
            assertTrue(cleared.startsWith("atelier_session=;") && cleared.contains("Max-Age=0"), cleared);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void signingOutThroughTheFormEndsTheSessionOnTheServer(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        String name = unique("out");
        AuthTestSupport.account(instance, name, Role.ARTIST);
        BrowserClient client = signedIn(instance, name);
        BrowserClient elsewhere = signedIn(instance, name);
        String secret = client.cookie("atelier_session").orElseThrow();
        assertEquals(name, whoAsCookie(instance, secret));

        HttpResponse<String> out = client.postForm("/logout", Map.of());
        assertEquals(303, out.statusCode(), out.body());
        assertEquals("/", out.headers().firstValue("location").orElseThrow());
        String cleared = setCookie(out, "atelier_session").orElseThrow();
        assertTrue(cleared.startsWith("atelier_session=;") && cleared.contains("Max-Age=0"), cleared);

        assertTrue(whoAmI(client).isEmpty());
        assertEquals("", whoAsCookie(instance, secret), "the old cookie value is anonymous now");
        assertEquals(0, count(instance, "SELECT COUNT(*) FROM sessions WHERE id_hash = ?", sha256(secret)));
        assertEquals(name, whoAmI(elsewhere).orElseThrow(), "other sessions of the account go on");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void signingOutThroughTheApiEndsTheSessionOnTheServer(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        String name = unique("apiout");
        AuthTestSupport.account(instance, name, Role.ARTIST);
        BrowserClient client = signedIn(instance, name);
        String secret = client.cookie("atelier_session").orElseThrow();
        String token = client.csrf();

        HttpResponse<String> out = client.json("DELETE", "/api/v1/sessions/current", "");
        assertEquals(204, out.statusCode(), out.body());
        assertTrue(whoAmI(client).isEmpty());
        assertEquals("", whoAsCookie(instance, secret));
        assertEquals(0, count(instance, "SELECT COUNT(*) FROM sessions WHERE id_hash = ?", sha256(secret)));

        // the old cookie and the old token together change nothing any more
        HttpResponse<String> replay = raw(instance, HttpRequest.newBuilder(instance.atelier().localUri()
                        .resolve("/api/v1/accounts/" + name))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-Token", token).header("Cookie", "atelier_session=" + secret)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json("bio", "replayed"))));
        assertEquals(403, replay.statusCode(), replay.body());
        assertEquals("", AuthTestSupport.value(instance, "SELECT bio FROM accounts WHERE username = ?", name));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void forgedSessionCookiesAreAnonymous(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        BrowserClient owner = signedIn(instance, OWNER);
        String real = owner.cookie("atelier_session").orElseThrow();
        char[] changed = real.toCharArray();
        changed[10] = changed[10] == 'A' ? 'B' : 'A';
        List<String> forged = Arrays.asList("", "garbage", "null", "x".repeat(43), "A".repeat(43),
                new String(changed), real + "A", real.substring(1), sha256(real), "\"" + "B".repeat(41) + "\"",
                "../../etc/passwd", "%00".repeat(15));
        for (String value : forged) {
            assertEquals("", whoAsCookie(instance, value), value);
            HttpResponse<String> home = rawGet(instance, "/", "atelier_session=" + value);
            assertEquals(200, home.statusCode(), value);
            assertTrue(home.body().contains("href=\"/login\""), "shown as signed out with " + value);
        }
        assertEquals(OWNER, whoAsCookie(instance, real), "(the real cookie works)");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anExpiredSessionIsAnonymous(TestDatabase.Kind kind) throws Exception {
        TestInstance instance = INSTANCES.get(kind);
        String name = unique("exp");
        AuthTestSupport.account(instance, name, Role.ARTIST);
        BrowserClient client = signedIn(instance, name);
        String secret = client.cookie("atelier_session").orElseThrow();
        assertEquals(name, whoAmI(client).orElseThrow());
        try (var c = instance.database().connect();
             var s = c.prepareStatement("UPDATE sessions SET expires_at = ? WHERE id_hash = ?")) {
            s.setObject(1, java.time.LocalDateTime.of(2000, 1, 1, 0, 0));
            s.setString(2, sha256(secret));
            assertEquals(1, s.executeUpdate());
        }
        // the session was read a moment ago, and a session read is trusted for 2 s (SessionCache):
        // an expiry written straight into the database, as another kernel node would, shows after that
        Thread.sleep(2_100);
        assertTrue(whoAmI(client).isEmpty());
        assertEquals(401, client.get("/settings/profile").statusCode());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void usernamesMatchExactlyOnBothDatabases(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        String name = unique("exact");
        AuthTestSupport.account(instance, name, Role.ARTIST);
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        String fullWidth = "\uff45" + name.substring(1); // full-width e
        for (String variant : List.of(upper, fullWidth, name + " x")) {
            HttpResponse<String> response = instance.client().json("POST", "/api/v1/sessions",
                    json("username", variant, "password", PASSWORD));
            assertEquals(401, response.statusCode(), variant + ": " + response.body());
            assertTrue(setCookie(response, "atelier_session").isEmpty());
            assertEquals(404, instance.client().get("/api/v1/accounts/" + encode(variant)).statusCode(), variant);
            assertEquals(404, instance.client().get("/@" + encode(variant)).statusCode(), variant);
        }
        assertEquals(200, instance.client().json("POST", "/api/v1/sessions",
                json("username", " " + name + " ", "password", PASSWORD)).statusCode(), "surrounding spaces are trimmed");
        assertEquals(200, instance.client().get("/api/v1/accounts/" + name).statusCode());
    }

    // ---- helpers

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void assertAttributes(String setCookie, boolean secure) {
        List<String> attributes = Arrays.stream(setCookie.split(";")).map(String::trim).toList();
        assertTrue(attributes.contains("HttpOnly"), setCookie);
        assertTrue(attributes.contains("SameSite=Lax"), setCookie);
        assertTrue(attributes.contains("Path=/"), setCookie);
        assertEquals(secure, attributes.stream().anyMatch(a -> a.equalsIgnoreCase("Secure")), setCookie);
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static String token(HttpResponse<String> csrf) {
        Matcher m = CSRF_BODY.matcher(csrf.body());
        assertTrue(m.find(), csrf.body());
        return m.group(1);
    }

    private static String sha256(String text) {
        return Hashes.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The username the server sees for a bare session cookie value ("" when anonymous). */
    private static String whoAsCookie(TestInstance instance, String secret) {
        HttpResponse<String> me = raw(instance, HttpRequest.newBuilder(instance.atelier().localUri().resolve("/api/v1/accounts/me"))
                .header("Cookie", "atelier_session=" + secret).GET());
        if (me.statusCode() == 401) {
            return "";
        }
        assertEquals(200, me.statusCode(), me.body());
        return (String) AuthTestSupport.parse(me).get("username");
    }

    private static HttpResponse<String> rawGet(TestInstance instance, String path, String cookie) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(instance.atelier().localUri().resolve(path)).GET();
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return raw(instance, builder);
    }

    private static HttpResponse<String> raw(TestInstance instance, HttpRequest.Builder builder) {
        try {
            return RAW.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
