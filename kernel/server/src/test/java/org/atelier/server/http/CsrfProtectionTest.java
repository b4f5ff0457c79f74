package org.atelier.server.http;

import static org.atelier.server.api.AuthTestSupport.OWNER;
import static org.atelier.server.api.AuthTestSupport.PASSWORD;
import static org.atelier.server.api.AuthTestSupport.formBody;
import static org.atelier.server.api.AuthTestSupport.json;
import static org.atelier.server.api.AuthTestSupport.send;
import static org.atelier.server.api.AuthTestSupport.signedIn;
import static org.atelier.server.api.AuthTestSupport.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Role;
import org.atelier.server.accounts.Registration;
import org.atelier.server.api.AuthTestSupport;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every state-changing endpoint of the kernel — pages, forms and API — refuses a request whose
 * CSRF token is missing, empty, made up, another visitor's, or the visitor's own pre-sign-in
 * token, with 403 and no change to the database; and (so the refusal is known to be the token's
 * doing) the same request with the right token does succeed and does change something.
 */
class CsrfProtectionTest {
    private static final String EMBEDS = "org.atelier.plugin.embeds";
    private static final String REFUSAL = "did not come from this site";

    /** Who sends a case: an anonymous visitor or the signed-in admin. */
    private enum Who { ANONYMOUS, ADMIN }

    /** Sends a case's request with a token (null: none at all). */
    @FunctionalInterface
    private interface Sender {
        HttpResponse<String> send(BrowserClient client, String token);
    }

    private record Case(String name, Who who, int okStatus, Sender sender) {
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void everyStateChangingEndpointRefusesAMissingOrForeignToken(TestDatabase.Kind kind) throws IOException {
        byte[] jar = Files.readAllBytes(Path.of(System.getProperty("atelier.bundledPlugins"), "atelier-plugin-embeds.jar"));
        try (TestInstance instance = TestInstance.start(kind)) {
            String setupToken = instance.atelier().pendingSetupToken().orElseThrow();
            List<Case> cases = new ArrayList<>();
            cases.add(new Case("POST /setup", Who.ANONYMOUS, 303, form("/setup",
                    "token", setupToken, "username", OWNER, "email", "owner@example.org", "password", PASSWORD)));
            cases.add(new Case("POST /login", Who.ANONYMOUS, 303, form("/login", "username", OWNER, "password", PASSWORD)));
            cases.add(new Case("POST /register", Who.ANONYMOUS, 201, form("/register",
                    "username", "by_form", "email", "by_form@example.org", "password", PASSWORD)));
            cases.add(new Case("POST /api/v1/accounts", Who.ANONYMOUS, 201, api("POST", "/api/v1/accounts",
                    json("username", "by_api", "email", "by_api@example.org", "password", PASSWORD))));
            cases.add(new Case("POST /api/v1/sessions", Who.ANONYMOUS, 200, api("POST", "/api/v1/sessions",
                    json("username", OWNER, "password", PASSWORD))));
            cases.add(new Case("POST /settings/profile", Who.ADMIN, 200, form("/settings/profile",
                    "displayName", "Owner", "bio", "changed by form")));
            cases.add(new Case("PATCH /api/v1/accounts/x", Who.ADMIN, 200, api("PATCH", "/api/v1/accounts/artist_x",
                    json("bio", "changed by api"))));
            cases.add(new Case("POST /admin/accounts/x/approve", Who.ADMIN, 303,
                    form("/admin/accounts/waiting_one/approve")));
            cases.add(new Case("POST /api/v1/admin/accounts/x/approve", Who.ADMIN, 200,
                    api("POST", "/api/v1/admin/accounts/waiting_two/approve", "")));
            cases.add(new Case("POST /admin/invites", Who.ADMIN, 200, form("/admin/invites", "maxUses", "3", "days", "7")));
            cases.add(new Case("POST /api/v1/admin/invites", Who.ADMIN, 201, api("POST", "/api/v1/admin/invites",
                    "{\"maxUses\":2,\"days\":3}")));
            cases.add(new Case("POST /admin/registration", Who.ADMIN, 303, form("/admin/registration", "mode", "open")));
            cases.add(new Case("PUT /api/v1/admin/settings/registration", Who.ADMIN, 200, api("PUT",
                    "/api/v1/admin/settings/registration", json("mode", "invite"))));
            cases.add(new Case("POST /admin/plugins/{name}/stop", Who.ADMIN, 303, form("/admin/plugins/" + EMBEDS + "/stop")));
            cases.add(new Case("POST /admin/plugins/{name}/start", Who.ADMIN, 303, form("/admin/plugins/" + EMBEDS + "/start")));
            cases.add(new Case("POST /api/v1/admin/plugins/{name}/stop", Who.ADMIN, 200, api("POST",
                    "/api/v1/admin/plugins/" + EMBEDS + "/stop", "")));
            cases.add(new Case("POST /api/v1/admin/plugins/{name}/start", Who.ADMIN, 200, api("POST",
                    "/api/v1/admin/plugins/" + EMBEDS + "/start", "")));
            cases.add(new Case("PUT /api/v1/admin/plugins/{name}", Who.ADMIN, 200, raw("PUT",
                    "/api/v1/admin/plugins/" + EMBEDS, jar)));
            cases.add(new Case("POST /logout", Who.ADMIN, 303, form("/logout")));
            cases.add(new Case("DELETE /api/v1/sessions/current", Who.ADMIN, 204, api("DELETE", "/api/v1/sessions/current", "")));
            cases.add(new Case("DELETE /api/v1/admin/plugins/{name}", Who.ADMIN, 204, api("DELETE",
                    "/api/v1/admin/plugins/" + EMBEDS, "")));
            cases.add(new Case("POST /admin/plugins (multipart upload)", Who.ADMIN, 303, multipart("/admin/plugins", jar)));
            cases.add(new Case("POST /admin/plugins/{name}/uninstall", Who.ADMIN, 303,
                    form("/admin/plugins/" + EMBEDS + "/uninstall")));
            cases.add(new Case("POST /api/v1/admin/plugins (raw upload)", Who.ADMIN, 201, raw("POST", "/api/v1/admin/plugins", jar)));

            for (Case c : cases) {
                if (c.who() == Who.ADMIN && instance.atelier().accounts().byUsername("artist_x").isEmpty()) {
                    prepareAccounts(instance);
                }
                check(instance, c);
            }
        }
    }

    private static void prepareAccounts(TestInstance instance) {
        AuthTestSupport.account(instance, "artist_x", Role.ARTIST);
        for (String name : List.of("waiting_one", "waiting_two")) {
            instance.atelier().accounts().register(new Registration(name, name + "@example.org", PASSWORD, null, null));
        }
    }

    private static void check(TestInstance instance, Case c) {
        BrowserClient client = instance.client();
        String ownAnonymous = client.csrf();
        BrowserClient other;
        if (c.who() == Who.ADMIN) {
            TestInstance.signIn(client, OWNER);
            other = signedIn(instance, "artist_x");
        } else {
            other = instance.client();
        }
        String right = client.csrf();
        List<Optional<String>> bad = new ArrayList<>(List.of(Optional.empty(), Optional.of(""), Optional.of(random()),
                Optional.of(other.csrf()), Optional.of(right.substring(0, right.length() - 1)),
                Optional.of(right + "x")));
        if (c.who() == Who.ADMIN) {
            bad.add(Optional.of(ownAnonymous));
        }

        String before = snapshot(instance);
        for (Optional<String> token : bad) {
            HttpResponse<String> response = c.sender().send(client, token.orElse(null));
            String label = c.name() + " with token " + token.map(t -> "'" + t + "'").orElse("(none)");
            assertEquals(403, response.statusCode(), label + ": " + response.body());
            assertTrue(response.body().contains(REFUSAL), label + ": " + response.body());
            assertTrue(AuthTestSupport.setCookie(response, "atelier_session").isEmpty(), label);
            assertEquals(before, snapshot(instance), label + " changed the database");
        }
        if (c.who() == Who.ADMIN) {
            assertEquals(OWNER, AuthTestSupport.whoAmI(client).orElseThrow(), c.name() + " ended the session");
        }
        if (c.name().startsWith("DELETE /api/v1/admin/plugins") || c.name().endsWith("/uninstall")) {
            assertTrue(instance.atelier().plugins().find(EMBEDS).isPresent(), c.name() + ": the embeds plugin is still installed");
        }

        // the same request with the right token goes through
        HttpResponse<String> ok = c.sender().send(client, right);
        assertEquals(c.okStatus(), ok.statusCode(), c.name() + " with the right token: " + ok.body());
        assertNotEquals(before, snapshot(instance), c.name() + " with the right token changed nothing");
    }

    private static Sender form(String path, String... kv) {
        return (client, token) -> {
            Map<String, String> fields = new LinkedHashMap<>(TestInstance.form(kv));
            if (token != null) {
                fields.put("_csrf", token);
            }
            return send(client, "POST", path, "application/x-www-form-urlencoded", formBody(fields));
        };
    }

    private static Sender api(String method, String path, String body) {
        return (client, token) -> token == null
                ? send(client, method, path, "application/json", body)
                : send(client, method, path, "application/json", body, "X-CSRF-Token", token);
    }

    private static Sender raw(String method, String path, byte[] body) {
        return (client, token) -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(client.base().resolve(path))
                    .header("Content-Type", "application/java-archive")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            if (token != null) {
                builder.header("X-CSRF-Token", token);
            }
            return client.send(builder);
        };
    }

    private static Sender multipart(String path, byte[] jar) {
        return (client, token) -> {
            String boundary = "----atelier-test-boundary";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                if (token != null) {
                    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jar\"; filename=\"embeds.jar\"\r\n"
                        + "Content-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(jar);
                body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return client.send(HttpRequest.newBuilder(client.base().resolve(path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        };
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
