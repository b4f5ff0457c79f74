package org.atelier.server.api;

import static org.atelier.server.api.AuthTestSupport.OWNER;
import static org.atelier.server.api.AuthTestSupport.PASSWORD;
import static org.atelier.server.api.AuthTestSupport.accountsNamed;
import static org.atelier.server.api.AuthTestSupport.count;
import static org.atelier.server.api.AuthTestSupport.json;
import static org.atelier.server.api.AuthTestSupport.parse;
import static org.atelier.server.api.AuthTestSupport.signedIn;
import static org.atelier.server.api.AuthTestSupport.unique;
import static org.atelier.server.api.AuthTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.store.Hashes;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Registration through {@code POST /api/v1/accounts} in each registration mode, the username
 * and password rules, duplicates (also racing ones) and how passwords are stored — on H2 and
 * MariaDB, over real HTTP, with what the database holds checked behind the application's back.
 */
class RegistrationApiTest {
    private static final AuthTestSupport.PerKind INSTANCES = AuthTestSupport.PerKind.withOwner();

    @AfterAll
    static void stop() {
        INSTANCES.close();
    }

    private static HttpResponse<String> register(BrowserClient client, String username, String email, String password,
                                                 String invite) {
        return client.json("POST", "/api/v1/accounts",
                json("username", username, "email", email, "password", password, "invite", invite));
    }

    private static HttpResponse<String> signIn(BrowserClient client, String username, String password) {
        return client.json("POST", "/api/v1/sessions", json("username", username, "password", password));
    }

    private static void assertError(HttpResponse<String> response, int status, String message) {
        assertEquals(status, response.statusCode(), response.body());
        Map<String, Object> body = parse(response);
        assertEquals(message, body.get("error"), response.body());
        assertEquals(status, body.get("status"));
    }

    private static long accounts(TestInstance instance) {
        return count(instance, "SELECT COUNT(*) FROM accounts");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void openRegistrationIsActiveAtOnce(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.OPEN);
        String name = unique("open");
        BrowserClient client = instance.client();

        HttpResponse<String> registered = register(client, name, name + "@example.org", PASSWORD, null);
        assertEquals(201, registered.statusCode(), registered.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> account = (Map<String, Object>) parse(registered).get("account");
        assertEquals(name, account.get("username"));
        assertEquals(name, account.get("displayName"), "the display name defaults to the username");
        assertEquals("active", account.get("status"));
        assertEquals("artist", account.get("role"));
        assertFalse(registered.body().contains("argon2") || registered.body().contains(PASSWORD), registered.body());
        assertEquals("ACTIVE", value(instance, "SELECT status FROM accounts WHERE username = ?", name));

        assertEquals(200, signIn(client, name, PASSWORD).statusCode());
        assertEquals(name, AuthTestSupport.whoAmI(client).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void approvalRegistrationWaitsUntilAnAdminApprovesThroughTheApi(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.APPROVAL);
        String name = unique("wait");
        BrowserClient client = instance.client();

        HttpResponse<String> registered = register(client, name, name + "@example.org", PASSWORD, null);
        assertEquals(201, registered.statusCode(), registered.body());
        assertTrue(registered.body().contains("\"status\":\"pending\""), registered.body());
        assertEquals("PENDING", value(instance, "SELECT status FROM accounts WHERE username = ?", name));

        HttpResponse<String> refused = signIn(client, name, PASSWORD);
        assertError(refused, 403, "Your registration is waiting for an admin's approval.");
        assertTrue(AuthTestSupport.setCookie(refused, "atelier_session").isEmpty(), "no session cookie");
        assertEquals(0, count(instance, "SELECT COUNT(*) FROM sessions s JOIN accounts a ON a.id = s.account_id "
                + "WHERE a.username = ?", name));
        assertTrue(AuthTestSupport.whoAmI(client).isEmpty());
        // not published before an admin has looked at it
        assertEquals(404, client.get("/api/v1/accounts/" + name).statusCode());
        assertEquals(404, client.get("/@" + name).statusCode());

        BrowserClient admin = signedIn(instance, OWNER);
        HttpResponse<String> pending = admin.get("/api/v1/admin/accounts/pending");
        assertEquals(200, pending.statusCode());
        assertTrue(pending.body().contains("\"username\":\"" + name + "\""), pending.body());

        assertError(admin.json("POST", "/api/v1/admin/accounts/nobody_here/approve", ""), 404, "No such account.");
        HttpResponse<String> approved = admin.json("POST", "/api/v1/admin/accounts/" + name + "/approve", "");
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("ACTIVE", value(instance, "SELECT status FROM accounts WHERE username = ?", name));
        assertError(admin.json("POST", "/api/v1/admin/accounts/" + name + "/approve", ""), 409,
                "That account is not waiting for approval.");
        assertFalse(admin.get("/api/v1/admin/accounts/pending").body().contains("\"" + name + "\""));

        assertEquals(200, signIn(client, name, PASSWORD).statusCode());
        assertEquals(name, AuthTestSupport.whoAmI(client).orElseThrow());
        assertEquals(200, client.get("/api/v1/accounts/" + name).statusCode());
        assertEquals(200, client.get("/@" + name).statusCode());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void inviteRegistrationNeedsALiveCode(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        BrowserClient admin = signedIn(instance, OWNER);
        HttpResponse<String> set = admin.json("PUT", "/api/v1/admin/settings/registration", json("mode", "invite"));
        assertEquals(200, set.statusCode(), set.body());
        BrowserClient client = instance.client();
        long before = accounts(instance);

        String name = unique("inv");
        assertError(register(client, name, name + "@example.org", PASSWORD, null), 400,
                "Registration on this instance needs an invite code.");
        assertError(register(client, name, name + "@example.org", PASSWORD, "  "), 400,
                "Registration on this instance needs an invite code.");
        assertError(register(client, name, name + "@example.org", PASSWORD, "not-a-real-code"), 400,
                "That invite code is not valid, used up, or expired.");
        assertEquals(before, accounts(instance), "nothing stored for refused registrations");

        // a single-use code works once
        String once = invite(admin, 1);
        // a refused registration (taken username) does not use the code up
        assertError(register(client, OWNER, "someone@example.org", PASSWORD, once), 409, "That username is taken.");
        assertEquals(0, uses(instance, once));
        HttpResponse<String> first = register(client, name, name + "@example.org", PASSWORD, " " + once + " ");
        assertEquals(201, first.statusCode(), first.body());
        assertTrue(first.body().contains("\"status\":\"active\""), first.body());
        assertEquals(1, uses(instance, once));
        assertEquals(200, signIn(instance.client(), name, PASSWORD).statusCode());
        String second = unique("inv");
        assertError(register(client, second, second + "@example.org", PASSWORD, once), 400,
                "That invite code is not valid, used up, or expired.");
        assertEquals(0, accountsNamed(instance, second));

        // a code for two works twice
        String twice = invite(admin, 2);
        for (int i = 0; i < 2; i++) {
            String user = unique("two");
            assertEquals(201, register(client, user, user + "@example.org", PASSWORD, twice).statusCode());
        }
        String third = unique("two");
        assertError(register(client, third, third + "@example.org", PASSWORD, twice), 400,
                "That invite code is not valid, used up, or expired.");
        assertEquals(0, accountsNamed(instance, third));

        // an expired code is refused
        String expired = invite(admin, 5);
        try (var c = instance.database().connect();
             var s = c.prepareStatement("UPDATE invites SET expires_at = ? WHERE code_hash = ?")) {
            s.setObject(1, java.time.LocalDateTime.of(2000, 1, 1, 0, 0));
            s.setString(2, Hashes.sha256(expired.getBytes(StandardCharsets.UTF_8)));
            assertEquals(1, s.executeUpdate());
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        String late = unique("late");
        assertError(register(client, late, late + "@example.org", PASSWORD, expired), 400,
                "That invite code is not valid, used up, or expired.");
        assertEquals(0, accountsNamed(instance, late));
        assertEquals(0, uses(instance, expired));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void invitesAreForAdminsAndBounded(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        BrowserClient admin = signedIn(instance, OWNER);
        long before = count(instance, "SELECT COUNT(*) FROM invites");
        assertEquals(400, admin.json("POST", "/api/v1/admin/invites", "{\"maxUses\":0}").statusCode());
        assertEquals(400, admin.json("POST", "/api/v1/admin/invites", "{\"maxUses\":1001}").statusCode());
        assertEquals(400, admin.json("POST", "/api/v1/admin/invites", "{\"maxUses\":\"five\"}").statusCode());
        assertEquals(400, admin.json("POST", "/api/v1/admin/invites", "{\"days\":0}").statusCode());
        assertEquals(400, admin.json("POST", "/api/v1/admin/invites", "{\"days\":-3}").statusCode());
        assertEquals(400, admin.json("POST", "/api/v1/admin/invites", "[1]").statusCode());
        assertEquals(before, count(instance, "SELECT COUNT(*) FROM invites"));
    }

    static Stream<Arguments> refusedUsernames() {
        String length = "Usernames are 3 to 30 characters long.";
        String chars = "Usernames use only lower-case letters a–z, digits and underscores.";
        String reserved = "That username is reserved.";
        List<Arguments> cases = new ArrayList<>();
        Object[][] table = {
            {null, "Choose a username."},
            {"", "Choose a username."},
            {"ab", length},
            {"a".repeat(31), length},
            {"Alice", chars},
            {"ALICE", chars},
            {"Admin", chars},
            {"al ice", chars},
            {" alice", chars},
            {"al-ice", chars},
            {"al.ice", chars},
            {"al@ice", chars},
            {"alice!", chars},
            {"<script>", chars},
            {"\u0430lice", chars},          // Cyrillic a
            {"\uff41lice", chars},          // full-width a
            {"alice\u200b", chars},         // zero-width space
            {"\u0101lice", chars},          // a with macron
            {"al\u0131ce", chars},          // dotless i
            {"\u212alvin", chars},          // Kelvin sign, lower-cases to k
            {"admin", reserved},
            {"api", reserved},
            {"setup", reserved},
            {"login", reserved},
            {"root", reserved},
            {"moderator", reserved},
            {"well_known", reserved},
        };
        for (TestDatabase.Kind kind : TestDatabase.Kind.values()) {
            for (Object[] row : table) {
                cases.add(Arguments.of(kind, row[0], row[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @MethodSource("refusedUsernames")
    void badUsernamesAreRefusedAndNothingIsStored(TestDatabase.Kind kind, String username, String message) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.OPEN);
        long before = accounts(instance);
        String email = unique("mail") + "@example.org";
        assertError(register(instance.client(), username, email, PASSWORD, null), 400, message);
        assertEquals(before, accounts(instance));
        assertEquals(0, count(instance, "SELECT COUNT(*) FROM accounts WHERE email = ?", email));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void usernameEdgesOfTheRules(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.OPEN);
        BrowserClient client = instance.client();
        String three = "x_1";
        String thirty = (unique("t") + "_".repeat(30)).substring(0, 30);
        for (String name : List.of(three, thirty, unique("d_1_9"))) {
            HttpResponse<String> response = register(client, name, name + "@example.org", PASSWORD, null);
            assertEquals(201, response.statusCode(), name + ": " + response.body());
            assertEquals(1, accountsNamed(instance, name));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void duplicatesAreRefused(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.OPEN);
        BrowserClient client = instance.client();
        String name = unique("dup");
        assertEquals(201, register(client, name, name + "@example.org", PASSWORD, null).statusCode());
        long before = accounts(instance);

        assertError(register(client, name, "other-" + name + "@example.org", PASSWORD, null), 409,
                "That username is taken.");
        String other = unique("dup");
        assertError(register(client, other, name + "@example.org", PASSWORD, null), 409,
                "An account with that e-mail address exists.");
        assertError(register(client, other, name.toUpperCase(java.util.Locale.ROOT) + "@EXAMPLE.org", PASSWORD, null),
                409, "An account with that e-mail address exists.");
        assertEquals(before, accounts(instance));
        assertEquals(0, accountsNamed(instance, other));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void racingDuplicateRegistrationsLetExactlyOneThrough(TestDatabase.Kind kind) throws Exception {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.OPEN);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String name = unique("race");
                boolean sameEmail = round % 2 == 1;
                List<BrowserClient> clients = List.of(instance.client(), instance.client());
                List<String> tokens = clients.stream().map(BrowserClient::csrf).toList();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    int n = i;
                    // the same username from two browsers (odd rounds: two usernames, one e-mail)
                    String username = sameEmail ? name + n : name;
                    String email = sameEmail ? name + "@example.org" : name + n + "@example.org";
                    results.add(pool.submit(() -> {
                        start.await();
                        return AuthTestSupport.send(clients.get(n), "POST", "/api/v1/accounts", "application/json",
                                json("username", username, "email", email, "password", PASSWORD),
                                "X-CSRF-Token", tokens.get(n));
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                List<String> bodies = new ArrayList<>();
                for (Future<HttpResponse<String>> result : results) {
                    statuses.add(result.get().statusCode());
                    bodies.add(result.get().body());
                }
                statuses.sort(null);
                assertEquals(List.of(201, 409), statuses, "round " + round + ": " + bodies);
                assertTrue(bodies.stream().anyMatch(b -> b.contains("taken") || b.contains("exists")), bodies.toString());
                long stored = sameEmail
                        ? count(instance, "SELECT COUNT(*) FROM accounts WHERE email = ?", name + "@example.org")
                        : accountsNamed(instance, name);
                assertEquals(1, stored, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void passwordsAreStoredAsArgon2idOnly(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.OPEN);
        BrowserClient client = instance.client();
        String name = unique("pw");
        String password = "Unique-Plain-Text-" + name;
        assertEquals(201, register(client, name, name + "@example.org", password, null).statusCode());

        String hash = value(instance, "SELECT password_hash FROM accounts WHERE username = ?", name);
        assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
        assertFalse(AuthTestSupport.snapshot(instance).contains(password), "the plain password is nowhere in the database");
        assertEquals(200, signIn(client, name, password).statusCode());
        assertEquals(401, signIn(instance.client(), name, password.toLowerCase(java.util.Locale.ROOT)).statusCode());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void passwordLengthIsBounded(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.OPEN);
        BrowserClient client = instance.client();
        String message = "Passwords are 10 to 256 characters long.";
        for (String refused : new String[] {null, "", "123456789", "x".repeat(257), "y".repeat(100_000)}) {
            String name = unique("len");
            assertError(register(client, name, name + "@example.org", refused, null), 400, message);
            assertEquals(0, accountsNamed(instance, name));
        }
        for (String accepted : new String[] {"1234567890", "p".repeat(256)}) {
            String name = unique("len");
            assertEquals(201, register(client, name, name + "@example.org", accepted, null).statusCode());
            assertEquals(200, signIn(instance.client(), name, accepted).statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void malformedRegistrationsAreRefused(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.OPEN);
        BrowserClient client = instance.client();
        long before = accounts(instance);
        String name = unique("bad");
        assertError(register(client, name, "not-an-address", PASSWORD, null), 400, "Enter a valid e-mail address.");
        assertError(client.json("POST", "/api/v1/accounts", "{\"username\":"), 400, "Send a JSON object.");
        assertError(client.json("POST", "/api/v1/accounts", "[\"" + name + "\"]"), 400, "Send a JSON object.");
        assertError(client.json("POST", "/api/v1/accounts", "{\"username\":[\"" + name + "\"],\"email\":\""
                + name + "@example.org\",\"password\":\"" + PASSWORD + "\"}"), 400, "'username' must be a string.");
        assertError(client.json("POST", "/api/v1/accounts", "{\"username\":\"" + name + "\",\"email\":\""
                + name + "@example.org\",\"password\":1234567890123}"), 400, "'password' must be a string.");
        assertEquals(before, accounts(instance));
    }

    private static String invite(BrowserClient admin, int maxUses) {
        HttpResponse<String> created = admin.json("POST", "/api/v1/admin/invites",
                "{\"maxUses\":" + maxUses + ",\"days\":7,\"note\":\"test\"}");
        assertEquals(201, created.statusCode(), created.body());
        return (String) parse(created).get("code");
    }

    private static long uses(TestInstance instance, String code) {
        return count(instance, "SELECT uses FROM invites WHERE code_hash = ?",
                Hashes.sha256(code.getBytes(StandardCharsets.UTF_8)));
    }
}
