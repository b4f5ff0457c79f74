package org.atelier.server.http;

import static org.atelier.server.api.AuthTestSupport.OWNER;
import static org.atelier.server.api.AuthTestSupport.PASSWORD;
import static org.atelier.server.api.AuthTestSupport.accountsNamed;
import static org.atelier.server.api.AuthTestSupport.json;
import static org.atelier.server.api.AuthTestSupport.send;
import static org.atelier.server.api.AuthTestSupport.signedIn;
import static org.atelier.server.api.AuthTestSupport.snapshot;
import static org.atelier.server.api.AuthTestSupport.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.api.AuthTestSupport;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Forms and JSON bodies that are too large or not correctly encoded get a clear 413 or 400 and
 * change nothing — whether the size is declared up front or only found while reading a chunked
 * body; a body of exactly the limit is still read.
 */
class HostileFormInputTest {
    private static final AuthTestSupport.PerKind INSTANCES = AuthTestSupport.PerKind.withOwner();
    private static final int LIMIT = Exchange.MAX_FORM_BYTES;
    private static final String FORM = "application/x-www-form-urlencoded";

    @AfterAll
    static void stop() {
        INSTANCES.close();
    }

    private static String registration(BrowserClient client, String name) {
        return "_csrf=" + client.csrf() + "&username=" + name + "&email=" + name + "%40example.org&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    }

    /** Pads a form body to exactly {@code size} bytes with an ignored field. */
    private static String padded(String body, int size) {
        String prefix = body + "&padding=";
        return prefix + "p".repeat(size - prefix.length());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anOversizedFormIsRefusedWith413AndStoresNothing(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.OPEN);
        BrowserClient client = instance.client();
        String before = snapshot(instance);

        String name = unique("big");
        HttpResponse<String> declared = send(client, "POST", "/register", FORM, padded(registration(client, name), LIMIT + 1));
        assertEquals(413, declared.statusCode(), declared.body());
        assertTrue(declared.body().contains("The request is too large"), declared.body());

        // the same without a Content-Length: found while reading
        String chunkedBody = padded(registration(client, name), LIMIT + 100_000);
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(client.base().resolve("/register"))
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(chunkedBody.getBytes(StandardCharsets.US_ASCII)))));
        assertEquals(413, chunked.statusCode(), chunked.body());

        HttpResponse<String> login = send(client, "POST", "/login", FORM, padded("_csrf=" + client.csrf()
                + "&username=" + OWNER + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8), 2 * LIMIT));
        assertEquals(413, login.statusCode());
        assertTrue(AuthTestSupport.setCookie(login, "atelier_session").isEmpty());

        String bigJson = "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.org\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"" + "d".repeat(LIMIT) + "\"}";
        HttpResponse<String> api = client.json("POST", "/api/v1/accounts", bigJson);
        assertEquals(413, api.statusCode(), api.body());
        assertEquals(413, AuthTestSupport.parse(api).get("status"));

        assertEquals(0, accountsNamed(instance, name));
        assertEquals(before, snapshot(instance));

        // exactly at the limit the form is read and handled
        HttpResponse<String> atLimit = send(client, "POST", "/register", FORM, padded(registration(client, name), LIMIT));
        assertEquals(201, atLimit.statusCode(), atLimit.body());
        assertEquals(1, accountsNamed(instance, name));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void oversizedBodiesForSignedInChangesAreRefusedToo(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        BrowserClient admin = signedIn(instance, OWNER);
        String before = snapshot(instance);
        String token = admin.csrf();
        assertEquals(413, send(admin, "POST", "/settings/profile", FORM,
                padded("_csrf=" + token + "&displayName=Big&bio=big", LIMIT + 1)).statusCode());
        assertEquals(413, send(admin, "POST", "/admin/invites", FORM,
                padded("_csrf=" + token + "&maxUses=5&days=7", LIMIT * 3)).statusCode());
        assertEquals(413, admin.json("PATCH", "/api/v1/accounts/" + OWNER,
                json("bio", "b".repeat(LIMIT))).statusCode());
        assertEquals(413, admin.json("PUT", "/api/v1/admin/settings/registration",
                "{\"mode\":\"open\",\"x\":\"" + "x".repeat(LIMIT) + "\"}").statusCode());
        assertEquals(before, snapshot(instance));
        assertEquals(OWNER, AuthTestSupport.whoAmI(admin).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void malformedUrlEncodingIsRefusedWith400(TestDatabase.Kind kind) {
        TestInstance instance = INSTANCES.get(kind);
        AuthTestSupport.mode(instance, RegistrationMode.OPEN);
        BrowserClient client = instance.client();
        String before = snapshot(instance);
        String name = unique("enc");
        String good = registration(client, name);
        for (String body : List.of(good + "&displayName=%zz", good.replace("username=", "username=%"),
                good + "&bio=100%", good + "&x%4=1", good.replace("&email=", "&email=%G").replace("%40", "@"),
                "%%%&" + good)) {
            HttpResponse<String> response = send(client, "POST", "/register", FORM, body);
            assertEquals(400, response.statusCode(), body + ": " + response.body());
            assertTrue(response.body().contains("The form is not correctly encoded."), response.body());
        }
        BrowserClient admin = signedIn(instance, OWNER);
        HttpResponse<String> adminForm = send(admin, "POST", "/admin/registration", FORM,
                "_csrf=" + admin.csrf() + "&mode=open%g0");
        assertEquals(400, adminForm.statusCode());
        // bytes that are not UTF-8 decode to replacement characters, which no username allows
        HttpResponse<String> notUtf8 = send(client, "POST", "/register", FORM,
                good.replace("username=" + name, "username=%ff%fe" + name));
        assertEquals(400, notUtf8.statusCode());
        assertTrue(notUtf8.body().contains("lower-case letters"), notUtf8.body());
        String after = snapshot(instance);
        // only the admin's new session differs
        assertEquals(before.replaceAll("(?s)SELECT id_hash.*?SELECT code_hash", ""),
                after.replaceAll("(?s)SELECT id_hash.*?SELECT code_hash", ""));
        assertEquals(0, accountsNamed(instance, name));
    }
}
