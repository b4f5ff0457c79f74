package org.atelier.server.api;

import static org.atelier.server.api.AuthTestSupport.OWNER;
import static org.atelier.server.api.AuthTestSupport.PASSWORD;
import static org.atelier.server.api.AuthTestSupport.json;
import static org.atelier.server.api.AuthTestSupport.parse;
import static org.atelier.server.api.AuthTestSupport.signedIn;
import static org.atelier.server.api.AuthTestSupport.snapshot;
import static org.atelier.server.api.AuthTestSupport.unique;
import static org.atelier.server.api.AuthTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.plugin.api.web.Role;
import org.atelier.server.accounts.Registration;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who may do what, over real HTTP with valid CSRF tokens so that only the authorisation rule
 * decides: profiles are changed by their owner or an admin; every admin endpoint and page, read
 * or write, answers 401 to anonymous visitors and 403 to artists and moderators, and changes
 * nothing; a role change takes effect on the next request of an existing session.
 */
class AuthorisationApiTest {
    private static final AuthTestSupport.PerKind INSTANCES = AuthTestSupport.PerKind.withOwner();
    private static final String EMBEDS = "org.atelier.plugin.embeds";

    @AfterAll
    static void stop() {
        INSTANCES.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void profilesAreChangedOnlyByTheirOwnerOrAnAdmin(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        String alice = unique("alice");
        String bob = unique("bob");
        String mod = unique("mod");
        AuthTestSupport.account(instance, alice, Role.ARTIST);
        AuthTestSupport.account(instance, bob, Role.ARTIST);
        AuthTestSupport.account(instance, mod, Role.MODERATOR);
        BrowserClient asAlice = signedIn(instance, alice);
        String bobBefore = bobRow(instance, bob);

        HttpResponse<String> forbidden = asAlice.json("PATCH", "/api/v1/accounts/" + bob,
                json("displayName", "Hacked", "bio", "pwned"));
        assertEquals(403, forbidden.statusCode(), forbidden.body());
        assertEquals("You can only change your own profile.", parse(forbidden).get("error"));
        HttpResponse<String> byModerator = signedIn(instance, mod).json("PATCH", "/api/v1/accounts/" + bob,
                json("bio", "moderated"));
        assertEquals(403, byModerator.statusCode(), byModerator.body());
        HttpResponse<String> anonymous = instance.client().json("PATCH", "/api/v1/accounts/" + bob, json("bio", "anon"));
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals("Sign in first.", parse(anonymous).get("error"));
        assertEquals(bobBefore, bobRow(instance, bob), "bob's profile is unchanged");

        HttpResponse<String> own = asAlice.json("PATCH", "/api/v1/accounts/" + alice,
                json("displayName", "Alice A.", "bio", "I paint."));
        assertEquals(200, own.statusCode(), own.body());
        assertEquals("I paint.", parse(own).get("bio"));
        assertEquals("Alice A.|I paint.", value(instance,
                "SELECT CONCAT(display_name, '|', bio) FROM accounts WHERE username = ?", alice));
        HttpResponse<String> partial = asAlice.json("PATCH", "/api/v1/accounts/" + alice, json("bio", "I draw."));
        assertEquals(200, partial.statusCode(), partial.body());
        assertEquals("Alice A.", parse(partial).get("displayName"), "fields left out are kept");

        HttpResponse<String> byAdmin = signedIn(instance, OWNER).json("PATCH", "/api/v1/accounts/" + bob,
                json("bio", "Edited by an admin"));
        assertEquals(200, byAdmin.statusCode(), byAdmin.body());
        assertEquals("Edited by an admin", value(instance, "SELECT bio FROM accounts WHERE username = ?", bob));

        assertEquals(404, asAlice.json("PATCH", "/api/v1/accounts/nobody_at_all", json("bio", "x")).statusCode());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void invalidProfileChangesAreRefusedAndChangeNothing(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        String name = unique("prof");
        AuthTestSupport.account(instance, name, Role.ARTIST);
        BrowserClient client = signedIn(instance, name);
        String before = bobRow(instance, name);
        for (String body : List.of(json("displayName", ""), json("displayName", "   "), json("displayName", "x".repeat(101)),
                json("bio", "b".repeat(2001)), "{\"bio\":42}", "{\"displayName\":null}", "not json", "[]")) {
            HttpResponse<String> response = client.json("PATCH", "/api/v1/accounts/" + name, body);
            assertEquals(400, response.statusCode(), body + ": " + response.body());
            assertEquals(before, bobRow(instance, name), body);
        }
        HttpResponse<String> edge = client.json("PATCH", "/api/v1/accounts/" + name,
                json("displayName", "d".repeat(100), "bio", "b".repeat(2000)));
        assertEquals(200, edge.statusCode(), edge.body());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theProfileSettingsFormChangesOnlyTheSignedInAccount(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        String name = unique("form");
        AuthTestSupport.account(instance, name, Role.ARTIST);
        BrowserClient client = signedIn(instance, name);
        String owner = bobRow(instance, OWNER);

        // a username field smuggled into the form is ignored
        HttpResponse<String> saved = client.postForm("/settings/profile",
                TestInstance.form("username", OWNER, "displayName", "Form Name", "bio", "<b>bold</b>"));
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("Saved."));
        assertTrue(saved.body().contains("&lt;b&gt;bold&lt;/b&gt;") && !saved.body().contains("<b>bold</b>"), "escaped");
        assertEquals("Form Name|<b>bold</b>", value(instance,
                "SELECT CONCAT(display_name, '|', bio) FROM accounts WHERE username = ?", name));
        assertEquals(owner, bobRow(instance, OWNER));
        String profile = instance.client().get("/@" + name).body();
        assertTrue(profile.contains("&lt;b&gt;bold&lt;/b&gt;") && !profile.contains("<b>bold</b>"), "escaped on the profile");

        BrowserClient anonymous = instance.client();
        assertEquals(401, anonymous.get("/settings/profile").statusCode());
        HttpResponse<String> anon = anonymous.postForm("/settings/profile", TestInstance.form("displayName", "Anon"));
        assertEquals(401, anon.statusCode());
        assertTrue(anon.body().contains("Sign in first."));
    }

    /** An admin request: method, path, content type and body. */
    private record Call(String method, String path, String type, byte[] body) {
        String label() {
            return method + " " + path;
        }
    }

    private static List<Call> adminCalls(String pending) throws IOException {
        byte[] jar = Files.readAllBytes(Path.of(System.getProperty("atelier.bundledPlugins"), "atelier-plugin-embeds.jar"));
        byte[] none = new byte[0];
        String boundary = "----authz";
        byte[] multipart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jar\"; filename=\"p.jar\"\r\n"
                + "Content-Type: application/java-archive\r\n\r\nPK\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        String multipartType = "multipart/form-data; boundary=" + boundary;
        String form = "application/x-www-form-urlencoded";
        String json = "application/json";
        String jarType = "application/java-archive";
        return List.of(
                new Call("GET", "/api/v1/admin/plugins", json, none),
                new Call("GET", "/api/v1/admin/plugins/" + EMBEDS, json, none),
                new Call("POST", "/api/v1/admin/plugins", jarType, jar),
                new Call("PUT", "/api/v1/admin/plugins/" + EMBEDS, jarType, jar),
                new Call("POST", "/api/v1/admin/plugins/" + EMBEDS + "/stop", json, none),
                new Call("POST", "/api/v1/admin/plugins/" + EMBEDS + "/start", json, none),
                new Call("DELETE", "/api/v1/admin/plugins/" + EMBEDS, json, none),
                new Call("GET", "/api/v1/admin/accounts/pending", json, none),
                new Call("POST", "/api/v1/admin/accounts/" + pending + "/approve", json, none),
                new Call("GET", "/api/v1/admin/settings/registration", json, none),
                new Call("PUT", "/api/v1/admin/settings/registration", json, "{\"mode\":\"open\"}".getBytes(StandardCharsets.UTF_8)),
                new Call("POST", "/api/v1/admin/invites", json, "{\"maxUses\":5}".getBytes(StandardCharsets.UTF_8)),
                new Call("GET", "/admin", "text/html", none),
                new Call("GET", "/admin/plugins", "text/html", none),
                new Call("GET", "/admin/accounts", "text/html", none),
                new Call("POST", "/admin/plugins", multipartType, multipart),
                new Call("POST", "/admin/plugins/" + EMBEDS + "/update", multipartType, multipart),
                new Call("POST", "/admin/plugins/" + EMBEDS + "/start", form, none),
                new Call("POST", "/admin/plugins/" + EMBEDS + "/stop", form, none),
                new Call("POST", "/admin/plugins/" + EMBEDS + "/uninstall", form, none),
                new Call("POST", "/admin/registration", form, "mode=open".getBytes(StandardCharsets.UTF_8)),
                new Call("POST", "/admin/accounts/" + pending + "/approve", form, none),
                new Call("POST", "/admin/invites", form, "maxUses=5&days=7".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void adminEndpointsAndPagesRefuseEveryoneButAdmins(TestDatabase.Kind kind) throws IOException {
        TestInstance instance = INSTANCES.get(kind);
        String artist = unique("art");
        String moderator = unique("mod");
        AuthTestSupport.account(instance, artist, Role.ARTIST);
        AuthTestSupport.account(instance, moderator, Role.MODERATOR);
        String pending = unique("pend");
        AuthTestSupport.mode(instance, RegistrationMode.APPROVAL);
        instance.atelier().accounts().register(new Registration(pending, pending + "@example.org", PASSWORD, null, null));

        Map<String, BrowserClient> visitors = Map.of(
                "anonymous", instance.client(), "artist", signedIn(instance, artist), "moderator", signedIn(instance, moderator));
        String before = snapshot(instance);
        List<String> failures = new ArrayList<>();
        for (Call call : adminCalls(pending)) {
            for (Map.Entry<String, BrowserClient> visitor : visitors.entrySet()) {
                BrowserClient client = visitor.getValue();
                HttpRequest.Builder request = HttpRequest.newBuilder(client.base().resolve(call.path()))
                        .header("Content-Type", call.type())
                        .header("X-CSRF-Token", client.csrf())
                        .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
                HttpResponse<String> response = client.send(request);
                int expected = visitor.getKey().equals("anonymous") ? 401 : 403;
                String message = expected == 401 ? "Sign in first." : "Only admins can do that.";
                if (response.statusCode() != expected || !response.body().contains(message)) {
                    failures.add(visitor.getKey() + " " + call.label() + " -> " + response.statusCode() + " "
                            + response.body().substring(0, Math.min(200, response.body().length())));
                }
                if (!before.equals(snapshot(instance))) {
                    failures.add(visitor.getKey() + " " + call.label() + " changed the database");
                    before = snapshot(instance);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals("PENDING", value(instance, "SELECT status FROM accounts WHERE username = ?", pending));
        assertEquals("active", instance.atelier().plugins().find(EMBEDS).orElseThrow().state());

        // the pages do not even point non-admins at the admin area; the admin gets in
        assertFalse(visitors.get("moderator").get("/").body().contains("href=\"/admin\""));
        BrowserClient admin = signedIn(instance, OWNER);
        assertTrue(admin.get("/").body().contains("href=\"/admin\""));
        for (String page : List.of("/admin", "/admin/plugins", "/admin/accounts", "/api/v1/admin/plugins",
                "/api/v1/admin/accounts/pending", "/api/v1/admin/settings/registration")) {
            assertEquals(200, admin.get(page).statusCode(), page);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRoleChangeAppliesToExistingSessions(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        String name = unique("promo");
        AuthTestSupport.account(instance, name, Role.ARTIST);
        BrowserClient client = signedIn(instance, name);
        assertEquals(403, client.get("/api/v1/admin/plugins").statusCode());
        instance.atelier().accounts().setRole(AuthTestSupport.viewer(instance, OWNER), name, Role.ADMIN);
        assertEquals(200, client.get("/api/v1/admin/plugins").statusCode());
        instance.atelier().accounts().setRole(AuthTestSupport.viewer(instance, OWNER), name, Role.MODERATOR);
        assertEquals(403, client.get("/api/v1/admin/plugins").statusCode());
        assertEquals(403, client.get("/admin").statusCode());
    }

    private static String bobRow(TestInstance instance, String username) {
        return value(instance, "SELECT CONCAT(display_name, '|', bio, '|', role, '|', status) FROM accounts WHERE username = ?",
                username);
    }
}
