package org.atelier.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.http.Json;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Discovery and actor documents over real HTTP on both databases: WebFinger by acct: address and
 * by URL (and what it refuses), host-meta, NodeInfo 2.0 and 2.1 with the usage setting, actor
 * documents by content negotiation at the actor and profile URLs, their RSA keys (2048 bits, the
 * same after a restart), collections, and the instance actor.
 */
class DiscoveryAndActorsTest {
    private static final String AP = "application/activity+json";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void webFingerAndHostMetaFindLocalActorsOnly(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            community.artist("paula");
            BrowserClient peer = community.visitor();

            HttpResponse<String> found = peer.get("/.well-known/webfinger?resource=acct:paula@localhost");
            assertEquals(200, found.statusCode(), found.body());
            assertTrue(found.headers().firstValue("Content-Type").orElse("").startsWith("application/jrd+json"));
            assertEquals("*", found.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            Map<String, Object> jrd = Json.readObject(found.body().getBytes()).orElseThrow();
            assertEquals("acct:paula@localhost", jrd.get("subject"));
            assertEquals(List.of("http://localhost/@paula", "http://localhost/users/paula"), jrd.get("aliases"));
            assertTrue(((List<?>) jrd.get("links")).contains(Map.of("rel", "self", "type", AP,
                    "href", "http://localhost/users/paula")), jrd.toString());

            // the same account by its URLs, with a leading @, or a differently cased domain
            for (String resource : List.of("http://localhost/users/paula", "http://localhost/@paula",
                    "@paula@LOCALHOST", "paula@localhost")) {
                HttpResponse<String> also = peer.get("/.well-known/webfinger?resource=" + encode(resource));
                assertEquals(200, also.statusCode(), resource);
                assertTrue(also.body().contains("\"subject\":\"acct:paula@localhost\""), resource);
            }
            // nobody by that name, another domain, no resource, a path below the actor, an account waiting
            assertEquals(404, peer.get("/.well-known/webfinger?resource=acct:nobody@localhost").statusCode());
            assertEquals(404, peer.get("/.well-known/webfinger?resource=acct:paula@elsewhere.example").statusCode());
            assertEquals(404, peer.get("/.well-known/webfinger?resource=" + encode("http://localhost/users/paula/x"))
                    .statusCode());
            assertEquals(400, peer.get("/.well-known/webfinger").statusCode());
            assertEquals(200, community.admin().json("PUT", "/api/v1/admin/settings/registration",
                    "{\"mode\":\"" + RegistrationMode.APPROVAL.key() + "\"}").statusCode());
            assertEquals(201, TestInstance.register(instance.client(), "waiting").statusCode());
            assertEquals(404, peer.get("/.well-known/webfinger?resource=acct:waiting@localhost").statusCode(),
                    "an account waiting for approval is not published");
            assertEquals(404, get(peer, "/users/waiting", AP).statusCode());

            HttpResponse<String> hostMeta = peer.get("/.well-known/host-meta");
            assertEquals(200, hostMeta.statusCode());
            assertTrue(hostMeta.body().contains(
                    "template=\"http://localhost/.well-known/webfinger?resource={uri}\""), hostMeta.body());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void nodeInfoTellsSoftwareAndUsageAsTheAdminAllows(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient paula = community.artist("paula");
            String image = Community.upload(paula, Community.artwork(1, 48, 32), "");
            assertEquals(201, paula.json("POST", "/api/v1/posts", "{\"media\": [\"" + image + "\"]}").statusCode());
            assertEquals(201, paula.json("POST", "/api/v1/posts", "{\"title\": \"draft\", \"draft\": true}").statusCode());
            BrowserClient peer = community.visitor();

            Map<String, Object> links = json(peer.get("/.well-known/nodeinfo"));
            assertEquals(List.of(
                    Map.of("rel", "http://nodeinfo.diaspora.software/ns/schema/2.0", "href", "http://localhost/nodeinfo/2.0"),
                    Map.of("rel", "http://nodeinfo.diaspora.software/ns/schema/2.1", "href", "http://localhost/nodeinfo/2.1")),
                    links.get("links"));
            for (String version : List.of("2.0", "2.1")) {
                HttpResponse<String> response = peer.get("/nodeinfo/" + version);
                assertEquals(200, response.statusCode());
                assertTrue(response.headers().firstValue("Content-Type").orElse("")
                        .contains("profile=\"http://nodeinfo.diaspora.software/ns/schema/" + version + "#\""));
                Map<String, Object> info = json(response);
                assertEquals(version, info.get("version"));
                assertEquals("atelier", ((Map<?, ?>) info.get("software")).get("name"));
                assertNotNull(((Map<?, ?>) info.get("software")).get("version"));
                assertEquals(List.of("activitypub"), info.get("protocols"));
                assertEquals(true, info.get("openRegistrations"));
                Map<?, ?> usage = (Map<?, ?>) info.get("usage");
                assertEquals(Map.of("total", 2, "activeMonth", 2, "activeHalfyear", 2), usage.get("users"),
                        "the admin and paula, both signed in");
                assertEquals(1, usage.get("localPosts"), "published posts only");
            }

            assertEquals(403, paula.json("PUT", "/api/v1/admin/settings/nodeinfo", "{\"shareUsage\": false}").statusCode());
            assertEquals(400, community.admin().json("PUT", "/api/v1/admin/settings/nodeinfo", "{}").statusCode());
            assertEquals(200, community.admin().json("PUT", "/api/v1/admin/settings/nodeinfo",
                    "{\"shareUsage\": false}").statusCode());
            Map<?, ?> hidden = (Map<?, ?>) json(peer.get("/nodeinfo/2.1")).get("usage");
            assertEquals(Map.of("users", Map.of()), hidden, "no counts when the admin says so");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void actorsAnswerActivityPubClientsAtTheirPagesUrls(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient paula = community.artist("paula");
            community.artist("reader").json("POST", "/api/v1/accounts/paula/follow", "");
            assertEquals(200, paula.json("PATCH", "/api/v1/profile", "{\"displayName\": \"Paula R.\","
                    + " \"bio\": \"Ink & *oil*\", \"locked\": true,"
                    + " \"links\": [{\"label\": \"Shop\", \"url\": \"https://shop.example/p?a=1&b=2\"}]}").statusCode());
            BrowserClient peer = community.visitor();

            HttpResponse<String> answer = get(peer, "/users/paula", AP);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith(AP));
            Map<String, Object> actor = json(answer);
            assertEquals("http://localhost/users/paula", actor.get("id"));
            assertEquals("Person", actor.get("type"));
            assertEquals("paula", actor.get("preferredUsername"));
            assertEquals("Paula R.", actor.get("name"));
            assertTrue(((String) actor.get("summary")).contains("<em>oil</em>"), (String) actor.get("summary"));
            assertEquals("http://localhost/@paula", actor.get("url"));
            assertEquals(true, actor.get("manuallyApprovesFollowers"));
            assertEquals("http://localhost/users/paula/inbox", actor.get("inbox"));
            assertEquals("http://localhost/users/paula/outbox", actor.get("outbox"));
            assertEquals("http://localhost/users/paula/followers", actor.get("followers"));
            assertEquals("http://localhost/users/paula/following", actor.get("following"));
            assertEquals(Map.of("sharedInbox", "http://localhost/inbox"), actor.get("endpoints"));
            assertEquals(List.of(Map.of("type", "PropertyValue", "name", "Shop", "value",
                    "<a href=\"https://shop.example/p?a=1&amp;b=2\" rel=\"me nofollow noopener noreferrer\""
                            + " target=\"_blank\">https://shop.example/p?a=1&amp;b=2</a>")), actor.get("attachment"));
            List<?> context = (List<?>) actor.get("@context");
            assertEquals(List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"),
                    context.subList(0, 2));
            Map<?, ?> key = (Map<?, ?>) actor.get("publicKey");
            assertEquals("http://localhost/users/paula#main-key", key.get("id"));
            assertEquals("http://localhost/users/paula", key.get("owner"));
            String pem = (String) key.get("publicKeyPem");
            assertEquals(2048, rsa(pem).getModulus().bitLength());

            // the same document at the profile page for ActivityPub clients, in either media type
            assertEquals(actor, json(get(peer, "/@paula", AP)));
            assertEquals(actor, json(get(peer, "/@paula",
                    "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"")));
            // browsers get the page, and are sent to it from the actor id
            HttpResponse<String> page = get(peer, "/@paula", "text/html,application/xhtml+xml,*/*;q=0.8");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<html"), "the HTML page");
            HttpResponse<String> redirect = get(peer, "/users/paula", "text/html");
            assertEquals(302, redirect.statusCode());
            assertEquals("/@paula", redirect.headers().firstValue("Location").orElse(""));
            assertEquals(404, get(peer, "/users/nobody", AP).statusCode());

            assertEquals(1, json(get(peer, "/users/paula/followers", AP)).get("totalItems"));
            assertEquals(0, json(get(peer, "/users/paula/following", AP)).get("totalItems"));
            assertEquals("OrderedCollection", json(get(peer, "/users/paula/outbox", AP)).get("type"));

            Map<String, Object> app = json(get(peer, "/actor", AP));
            assertEquals("Application", app.get("type"));
            assertEquals("http://localhost/actor", app.get("id"));
            String instanceKey = (String) ((Map<?, ?>) app.get("publicKey")).get("publicKeyPem");
            assertFalse(instanceKey.equals(pem), "the instance signs with its own key");

            // keys are kept: the same after a restart
            instance.restart();
            BrowserClient again = instance.client();
            assertEquals(pem, ((Map<?, ?>) json(get(again, "/users/paula", AP)).get("publicKey")).get("publicKeyPem"));
            assertEquals(instanceKey, ((Map<?, ?>) json(get(again, "/actor", AP)).get("publicKey")).get("publicKeyPem"));
        }
    }

    private static RSAPublicKey rsa(String pem) throws Exception {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static HttpResponse<String> get(BrowserClient client, String path, String accept) {
        return client.send(HttpRequest.newBuilder(client.base().resolve(path)).header("Accept", accept).GET());
    }

    private static Map<String, Object> json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.readObject(response.body().getBytes()).orElseThrow();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
