package org.atelier.server.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.federation.inbound.Inbox;
import org.atelier.server.federation.keys.ActorKeys;
import org.atelier.server.federation.signatures.HttpSignatures;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The inboxes between two real Atelier instances on 127.0.0.1, on both databases: a delivery
 * signed with the sender's published key is stored once and processed on the queue; what is
 * unsigned, tampered, signed by someone else, from another host, of the wrong type, malformed or
 * too large is refused with its status and leaves nothing stored; a key the sender rotated is
 * fetched again; and the receiver fetches nothing from addresses it is not allowed to reach.
 */
class InboxTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void signedDeliveriesAreStoredOnceAndEverythingElseIsRefused(TestDatabase.Kind kind) throws Exception {
        try (TestInstance here = TestInstance.startFederated(kind);
             TestInstance there = TestInstance.startFederated(kind)) {
            Community.on(here).artist("paula");
            Community remote = Community.on(there);
            remote.artist("ana");
            remote.artist("bruno");
            String base = there.baseUrl();
            String ana = base + "/users/ana";
            BrowserClient peer = here.client();
            Jdbi db = here.atelier().database().jdbi();

            Map<String, Object> follow = activity(base + "/activities/1", "Follow", ana, here.baseUrl()
                    + "/users/paula");
            HttpResponse<String> first = deliver(peer, there, "ana", "/users/paula/inbox", json(follow));
            assertEquals(202, first.statusCode(), first.body());
            assertEquals(202, deliver(peer, there, "ana", "/users/paula/inbox", json(follow)).statusCode(),
                    "a retried delivery is answered as received");
            assertEquals(202, deliver(peer, there, "ana", "/inbox", json(follow)).statusCode(),
                    "the same activity through the shared inbox");
            assertEquals(1, count(db), "stored once");
            Map<String, Object> like = activity(base + "/activities/2", "Like", ana, here.baseUrl() + "/posts/x");
            assertEquals(202, deliver(peer, there, "ana", "/inbox", json(like)).statusCode());
            assertEquals(2, count(db));
            awaitProcessed(db, 2);
            assertEquals(List.of("Follow", "Like"), db.withHandle(h -> h.createQuery(
                    "SELECT type FROM inbox_activities ORDER BY id").mapTo(String.class).list()));

            // refusals, each leaving nothing stored
            byte[] body = json(activity(base + "/activities/3", "Like", ana, "x"));
            assertEquals(401, post(peer, "/users/paula/inbox", Map.of("Content-Type", "application/activity+json"), body)
                    .statusCode(), "unsigned");
            Map<String, String> signed = sign(there, "ana", peer.base().resolve("/users/paula/inbox"), body);
            byte[] tampered = json(activity(base + "/activities/3", "Undo", ana, "x"));
            assertEquals(401, post(peer, "/users/paula/inbox", signed, tampered).statusCode(), "body changed");
            assertEquals(403, deliver(peer, there, "bruno", "/users/paula/inbox",
                    json(activity(base + "/activities/4", "Like", ana, "x"))).statusCode(), "bruno signs for ana");
            assertEquals(403, deliver(peer, there, "ana", "/users/paula/inbox",
                    json(activity("https://elsewhere.example/activities/5", "Like", ana, "x"))).statusCode(),
                    "an id on another host");
            Map<String, String> wrongType = new LinkedHashMap<>(sign(there, "ana", peer.base().resolve("/inbox"), body));
            wrongType.put("Content-Type", "text/plain");
            assertEquals(415, post(peer, "/inbox", wrongType, body).statusCode());
            assertEquals(400, deliver(peer, there, "ana", "/inbox", "not json".getBytes(StandardCharsets.UTF_8))
                    .statusCode());
            Map<String, Object> noId = activity(base + "/activities/6", "Like", ana, "x");
            noId.remove("id");
            assertEquals(400, deliver(peer, there, "ana", "/inbox", json(noId)).statusCode());
            Map<String, Object> huge = activity(base + "/activities/7", "Create", ana, "x".repeat(Inbox.MAX_BODY));
            assertEquals(413, deliver(peer, there, "ana", "/inbox", json(huge)).statusCode());
            assertEquals(404, deliver(peer, there, "ana", "/users/nobody/inbox", body).statusCode());
            assertEquals(2, count(db), "nothing stored by a refusal");

            // ana's server rotates her key: the one cached here no longer verifies, and is fetched again
            long anaId = there.atelier().accounts().byUsername("ana").orElseThrow().id();
            there.atelier().database().jdbi().useHandle(h -> h.execute("DELETE FROM actor_keys WHERE account_id = ?", anaId));
            there.restart();
            assertEquals(202, deliver(peer, there, "ana", "/inbox",
                    json(activity(base + "/activities/8", "Like", ana, "x"))).statusCode(), "after the rotation");
            assertEquals(3, count(db));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void keysAreNotFetchedFromAddressesTheInstanceMayNotReach(TestDatabase.Kind kind) throws Exception {
        try (TestInstance here = TestInstance.startFederated(kind, false);
             TestInstance there = TestInstance.startFederated(kind)) {
            Community.on(here).artist("paula");
            Community.on(there).artist("ana");
            String base = there.baseUrl();
            HttpResponse<String> refused = deliver(here.client(), there, "ana", "/inbox",
                    json(activity(base + "/activities/1", "Like", base + "/users/ana", "x")));
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("Cannot fetch"), refused.body());
            assertEquals(0, count(here.atelier().database().jdbi()));
        }
    }

    private static Map<String, Object> activity(String id, String type, String actor, String object) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("@context", "https://www.w3.org/ns/activitystreams");
        a.put("id", id);
        a.put("type", type);
        a.put("actor", actor);
        a.put("object", object);
        return a;
    }

    /** Signs as a local actor of {@code from} (with the key it publishes) and posts to {@code to}'s path. */
    private static HttpResponse<String> deliver(BrowserClient client, TestInstance from, String username, String path,
                                                byte[] body) {
        return post(client, path, sign(from, username, client.base().resolve(path), body), body);
    }

    /** What {@code from}'s actor sends to that URL: signed with the key its actor document publishes. */
    private static Map<String, String> sign(TestInstance from, String username, URI target, byte[] body) {
        long id = from.atelier().accounts().byUsername(username).orElseThrow().id();
        ActorKeys keys = new ActorKeys(from.atelier().database(), Clock.systemUTC());
        Map<String, String> headers = HttpSignatures.sign("POST", target,
                Map.of("Content-Type", "application/activity+json"), Optional.of(body),
                from.baseUrl() + "/users/" + username + "#main-key", keys.of(id).privateKey(), Clock.systemUTC());
        headers.remove("Host"); // the HTTP client sends the same value itself (and will not be given it)
        return headers;
    }

    private static HttpResponse<String> post(BrowserClient client, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(client.base().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return client.send(request);
    }

    private static byte[] json(Map<String, Object> value) {
        return org.atelier.server.http.Json.write(value);
    }

    private static int count(Jdbi db) {
        return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox_activities").mapTo(Integer.class).one());
    }

    private static void awaitProcessed(Jdbi db, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox_activities WHERE state <> 'received'")
                .mapTo(Integer.class).one()) < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the queue did not process the activities");
            }
            Thread.sleep(50);
        }
    }
}
