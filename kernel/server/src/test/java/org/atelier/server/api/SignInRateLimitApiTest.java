package org.atelier.server.api;

import static org.atelier.server.api.AuthTestSupport.PASSWORD;
import static org.atelier.server.api.AuthTestSupport.count;
import static org.atelier.server.api.AuthTestSupport.json;
import static org.atelier.server.api.AuthTestSupport.parse;
import static org.atelier.server.api.AuthTestSupport.setCookie;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.atelier.plugin.api.web.Role;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Password guessing over real HTTP: after five wrong passwords for a username even the right
 * one is refused with 429; other usernames from the same client go on until the address has
 * twenty failures; look-alike spellings of a username neither sign in nor escape its limit; the
 * sign-in form shows the same refusal. Each database kind gets its own instance, since the
 * limiter's counts belong to the running kernel.
 */
class SignInRateLimitApiTest {
    private static final String LIMITED = "Too many failed sign-ins. Wait a few minutes and try again.";
    private static final String WRONG = "Wrong username or password.";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void guessingIsCutOffPerUsernameThenPerAddress(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            instance.createAdmin(AuthTestSupport.OWNER);
            AuthTestSupport.account(instance, "victim", Role.ARTIST);
            AuthTestSupport.account(instance, "bystander", Role.ARTIST);
            BrowserClient attacker = instance.client();

            for (int i = 1; i <= 5; i++) {
                assertRefused(signIn(attacker, "victim", "guess number " + i), 401, WRONG);
            }
            HttpResponse<String> sixth = signIn(attacker, "victim", PASSWORD);
            assertRefused(sixth, 429, LIMITED);
            assertTrue(setCookie(sixth, "atelier_session").isEmpty());
            assertEquals(0, sessionsOf(instance, "victim"));
            // not from another browser either, nor with a look-alike spelling of the name
            assertRefused(signIn(instance.client(), "victim", PASSWORD), 429, LIMITED);
            assertRefused(signIn(instance.client(), "VICTIM", PASSWORD), 429, LIMITED);
            assertRefused(signIn(instance.client(), "\uff56ictim", PASSWORD), 401, WRONG); // full-width v
            assertEquals(0, sessionsOf(instance, "victim"));
            // the sign-in form says the same
            HttpResponse<String> form = attacker.postForm("/login", TestInstance.form("username", "victim", "password", PASSWORD));
            assertEquals(429, form.statusCode());
            assertTrue(form.body().contains(LIMITED), form.body());
            assertTrue(form.body().contains("value=\"victim\""), "the username is kept");

            // another username from the same client still works...
            HttpResponse<String> other = signIn(attacker, "bystander", PASSWORD);
            assertEquals(200, other.statusCode(), other.body());

            // ...until the address has 20 failures (5 + 1 look-alike so far; 14 more spread over names)
            for (int i = 0; i < 14; i++) {
                assertRefused(signIn(instance.client(), "nobody" + (i % 4), "guess " + i), 401, WRONG);
            }
            assertRefused(signIn(instance.client(), "bystander", PASSWORD), 429, LIMITED);
            assertRefused(signIn(instance.client(), AuthTestSupport.OWNER, PASSWORD), 429, LIMITED);
            assertEquals(1, sessionsOf(instance, "bystander"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void parallelGuessesGetNoMoreTriesThanSequentialOnes(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            instance.createAdmin(AuthTestSupport.OWNER);
            AuthTestSupport.account(instance, "victim", Role.ARTIST);
            int attempts = 12;
            List<BrowserClient> clients = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                BrowserClient client = instance.client();
                clients.add(client);
                tokens.add(client.csrf());
            }
            ExecutorService pool = Executors.newFixedThreadPool(attempts);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> results = new ArrayList<>();
                for (int i = 0; i < attempts; i++) {
                    int n = i;
                    results.add(pool.submit(() -> {
                        start.await();
                        return AuthTestSupport.send(clients.get(n), "POST", "/api/v1/sessions", "application/json",
                                json("username", "victim", "password", "parallel guess " + n), "X-CSRF-Token", tokens.get(n));
                    }));
                }
                start.countDown();
                Map<Integer, Integer> statuses = new TreeMap<>();
                for (Future<HttpResponse<String>> result : results) {
                    statuses.merge(result.get().statusCode(), 1, Integer::sum);
                }
                assertEquals(Map.of(401, 5, 429, attempts - 5), statuses, "only five guesses are checked");
            } finally {
                pool.shutdownNow();
            }
            assertRefused(signIn(instance.client(), "victim", PASSWORD), 429, LIMITED);
        }
    }

    private static HttpResponse<String> signIn(BrowserClient client, String username, String password) {
        return client.json("POST", "/api/v1/sessions", json("username", username, "password", password));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(message, parse(response).get("error"));
        assertTrue(setCookie(response, "atelier_session").isEmpty());
    }

    private static long sessionsOf(TestInstance instance, String username) {
        return count(instance, "SELECT COUNT(*) FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE a.username = ?",
                username);
    }
}
