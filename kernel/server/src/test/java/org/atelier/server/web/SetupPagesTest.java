package org.atelier.server.web;

import static org.atelier.server.api.AuthTestSupport.PASSWORD;
import static org.atelier.server.api.AuthTestSupport.count;
import static org.atelier.server.api.AuthTestSupport.setCookie;
import static org.atelier.server.api.AuthTestSupport.whoAmI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.atelier.server.api.AuthTestSupport;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * First-run setup through the {@code /setup} form: only the one-time token printed at start
 * creates the first admin, who is then signed in and sent to {@code /admin}; afterwards the page
 * is closed for good, the token is dead, and a restart neither revives it nor leaves the instance
 * without an admin. Refused attempts store nothing and keep the token usable.
 */
class SetupPagesTest {

    private static long accounts(TestInstance instance) {
        return count(instance, "SELECT COUNT(*) FROM accounts");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onlyTheSetupTokenCreatesTheFirstAdminAndOnlyOnce(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            String token = instance.atelier().pendingSetupToken().orElseThrow();
            BrowserClient owner = instance.client();
            HttpResponse<String> page = owner.get("/setup");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("name=\"token\""), page.body());
            assertFalse(page.body().contains("Setup is complete."));

            // a wrong token: 403, nothing stored, what was typed kept (but not the password)
            for (String wrong : List.of("", "wrong-token", token + "x", token.substring(1), token.toUpperCase())) {
                if (wrong.equals(token)) {
                    continue;
                }
                HttpResponse<String> refused = owner.postForm("/setup", TestInstance.form(
                        "token", wrong, "username", "owner", "email", "owner@example.org", "password", PASSWORD));
                assertEquals(403, refused.statusCode(), wrong);
                assertTrue(refused.body().contains("That setup token is not right."), refused.body());
                assertTrue(refused.body().contains("value=\"owner\"") && refused.body().contains("value=\"owner@example.org\""));
                assertFalse(refused.body().contains(PASSWORD));
                assertTrue(setCookie(refused, "atelier_session").isEmpty());
            }
            assertEquals(0, accounts(instance));

            // the right token with bad details: refused, and the token still works afterwards
            HttpResponse<String> shortPassword = owner.postForm("/setup", TestInstance.form(
                    "token", token, "username", "owner", "email", "owner@example.org", "password", "short"));
            assertEquals(400, shortPassword.statusCode());
            assertTrue(shortPassword.body().contains("Passwords are 10 to 256 characters long."));
            HttpResponse<String> reserved = owner.postForm("/setup", TestInstance.form(
                    "token", token, "username", "admin", "email", "owner@example.org", "password", PASSWORD));
            assertEquals(400, reserved.statusCode());
            assertTrue(reserved.body().contains("That username is reserved."));
            assertEquals(0, accounts(instance));
            assertEquals(token, instance.atelier().pendingSetupToken().orElseThrow());

            // the right token: the admin exists, is signed in and lands on /admin
            HttpResponse<String> done = owner.postForm("/setup", TestInstance.form(
                    "token", " " + token + " ", "username", "owner", "email", "owner@example.org", "password", PASSWORD));
            assertEquals(303, done.statusCode(), done.body());
            assertEquals("/admin", done.headers().firstValue("location").orElseThrow());
            assertTrue(setCookie(done, "atelier_session").isPresent());
            assertEquals("owner", whoAmI(owner).orElseThrow());
            assertEquals(200, owner.get("/admin").statusCode());
            assertEquals(1, accounts(instance));
            assertEquals("ADMIN|ACTIVE", AuthTestSupport.value(instance,
                    "SELECT CONCAT(role, '|', status) FROM accounts WHERE username = 'owner'"));
            assertTrue(instance.atelier().pendingSetupToken().isEmpty(), "the token is used up");

            // closed for good: the old token does nothing, from anyone
            for (BrowserClient client : List.of(instance.client(), owner)) {
                HttpResponse<String> again = client.postForm("/setup", TestInstance.form(
                        "token", token, "username", "second", "email", "second@example.org", "password", PASSWORD));
                assertEquals(403, again.statusCode(), again.body());
                assertTrue(again.body().contains("This instance is already set up."), again.body());
            }
            assertEquals(1, accounts(instance));
            assertSetupClosed(instance);

            // a restart does not bring the token back
            instance.restart();
            assertTrue(instance.atelier().pendingSetupToken().isEmpty());
            assertFalse(instance.atelier().accounts().needsSetup());
            HttpResponse<String> afterRestart = instance.client().postForm("/setup", TestInstance.form(
                    "token", token, "username", "third", "email", "third@example.org", "password", PASSWORD));
            assertEquals(403, afterRestart.statusCode());
            assertEquals(1, accounts(instance));
            assertSetupClosed(instance);
            TestInstance.signIn(instance.client(), "owner");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void racingSetupsCreateOneAdmin(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            String token = instance.atelier().pendingSetupToken().orElseThrow();
            List<BrowserClient> clients = List.of(instance.client(), instance.client(), instance.client());
            List<String> csrf = clients.stream().map(BrowserClient::csrf).toList();
            ExecutorService pool = Executors.newFixedThreadPool(clients.size());
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> results = new ArrayList<>();
                for (int i = 0; i < clients.size(); i++) {
                    int n = i;
                    results.add(pool.submit(() -> {
                        start.await();
                        return clients.get(n).postForm("/setup", TestInstance.form("_csrf", csrf.get(n), "token", token,
                                "username", "owner" + n, "email", "owner" + n + "@example.org", "password", PASSWORD));
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpResponse<String>> result : results) {
                    statuses.add(result.get().statusCode());
                }
                statuses.sort(null);
                assertEquals(List.of(303, 403, 403), statuses);
                assertEquals(1, accounts(instance), "exactly one admin");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static void assertSetupClosed(TestInstance instance) {
        HttpResponse<String> page = instance.client().get("/setup");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Setup is complete."), page.body());
        assertFalse(page.body().contains("name=\"token\""));
        assertFalse(instance.client().get("/").body().contains("/setup\""), "the home page no longer points at setup");
    }
}
