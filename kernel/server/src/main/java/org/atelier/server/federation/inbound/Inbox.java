package org.atelier.server.federation.inbound;

import io.helidon.http.Header;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.federation.ActivityStreams;
import org.atelier.server.federation.dereferencing.RemoteKeys;
import org.atelier.server.federation.signatures.HttpSignatures;
import org.atelier.server.federation.signatures.SignatureException;
import org.atelier.server.federation.signatures.SignedRequest;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Json;
import org.atelier.server.http.Router;
import org.atelier.server.jobs.ClaimedJob;
import org.atelier.server.jobs.EnqueueOptions;
import org.atelier.server.jobs.JobQueue;
import org.atelier.server.store.Database;
import org.atelier.server.store.Hashes;
import org.jdbi.v3.core.Jdbi;

/**
 * The inboxes: {@code POST /users/<name>/inbox} and the shared {@code POST /inbox}. A delivery is
 * believed only as far as its signature and origin allow, in this order, each refusal with its
 * reason and nothing stored: an ActivityStreams content type (415), a body of at most
 * {@link #MAX_BODY} bytes (413) that is a JSON object with an http(s) {@code id}, a {@code type}
 * and an {@code actor} (400); an HTTP signature that verifies (401); the key's owner is the
 * activity's actor, and the activity's id is on the actor's host (403). The activity is then
 * stored — once per activity id: a retried delivery, or one to several inboxes here, is answered
 * 202 and not stored again — with its processing job in the same transaction, and answered 202.
 * Processing runs on the job queue ({@link #QUEUE}), by type, through the handlers given; a type
 * without one is marked {@code unhandled}.
 */
public final class Inbox {
    /** The queue inbound activities are processed on. */
    public static final String QUEUE = "federation.inbound";
    /** Largest activity accepted: Mastodon's limit for a delivery is about this. */
    public static final int MAX_BODY = 256 * 1024;
    private static final Logger LOG = Logger.getLogger(Inbox.class.getName());

    /** Processes one type of activity. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param activity the activity, verified
         * @param json     its body, parsed
         * @throws Exception to have the job retried
         */
        void handle(InboundActivity activity, Map<String, Object> json) throws Exception;
    }

    private final Jdbi jdbi;
    private final InboxDao dao;
    private final Accounts accounts;
    private final RemoteKeys keys;
    private final JobQueue jobs;
    private final Clock clock;
    private final Map<String, Handler> handlers;

    /**
     * Creates the inboxes.
     *
     * @param database the database
     * @param accounts local accounts (personal inboxes)
     * @param keys     remote actors' keys
     * @param jobs     the job queue
     * @param handlers the handler of each activity type
     * @param clock    the clock
     */
    public Inbox(Database database, Accounts accounts, RemoteKeys keys, JobQueue jobs, Map<String, Handler> handlers,
                 Clock clock) {
        this.jdbi = database.jdbi();
        this.dao = jdbi.onDemand(InboxDao.class);
        this.accounts = accounts;
        this.keys = keys;
        this.jobs = jobs;
        this.handlers = Map.copyOf(handlers);
        this.clock = clock;
    }

    /**
     * Registers the inboxes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.postFromPeers("/inbox", x -> receive(x, Optional.empty()));
        router.postFromPeers("/users/{username}/inbox", x -> receive(x, Optional.of(
                accounts.activeArtist(x.pathParam("username")))));
    }

    private void receive(Exchange x, Optional<Account> recipient) {
        String contentType = x.request().headers().first(io.helidon.http.HeaderNames.CONTENT_TYPE).orElse("");
        if (!ActivityStreams.wanted(contentType)) {
            throw new HttpError(415, "Deliver ActivityStreams JSON (application/activity+json).");
        }
        byte[] body = x.body(MAX_BODY);
        Map<String, Object> activity = Json.readObject(body)
                .orElseThrow(() -> new HttpError(400, "The body is not a JSON object."));
        String id = url(activity.get("id")).orElseThrow(() -> new HttpError(400, "The activity has no http(s) id."));
        String type = activity.get("type") instanceof String t && !t.isBlank() && t.length() <= 64 ? t : null;
        if (type == null) {
            throw new HttpError(400, "The activity has no type.");
        }
        Object actorValue = activity.get("actor") instanceof Map<?, ?> m ? m.get("id") : activity.get("actor");
        String actor = url(actorValue).orElseThrow(() -> new HttpError(400, "The activity has no actor."));

        SignedRequest request = SignedRequest.of("POST", target(x), headers(x), Optional.of(body));
        HttpSignatures.Verified verified;
        // the key the signature verified with, as the resolver last gave it: its owner is checked next
        AtomicReference<RemoteKeys.RemoteKey> used = new AtomicReference<>();
        try {
            verified = HttpSignatures.verify(request, (keyId, refetch) -> {
                Optional<RemoteKeys.RemoteKey> found = keys.key(keyId, refetch);
                found.ifPresent(used::set);
                return found.map(RemoteKeys.RemoteKey::key);
            }, clock);
        } catch (SignatureException e) {
            throw new HttpError(401, e.getMessage());
        }
        RemoteKeys.RemoteKey key = used.get();
        if (!key.ownerId().equals(actor)) {
            throw new HttpError(403, "The activity's actor " + actor + " did not sign it (" + key.ownerId() + " did).");
        }
        if (!sameHost(id, actor)) {
            throw new HttpError(403, "The activity's id is not on its actor's host.");
        }
        String hash = Hashes.sha256(id);
        jdbi.useTransaction(h -> {
            InboxDao tx = h.attach(InboxDao.class);
            if (tx.insert(hash, id, type, actor, verified.keyId(), recipient.map(Account::id).orElse(null),
                    new String(body, StandardCharsets.UTF_8), clock.instant()) == 1) {
                jobs.enqueue(h, QUEUE, Long.toString(tx.idByHash(hash)), EnqueueOptions.defaults());
            }
        });
        x.response().status(202);
        x.response().send();
    }

    /**
     * Processes one stored activity: the queue's handler.
     *
     * @param job the job, whose payload is the activity's row id
     * @throws Exception when its handler fails (the job is retried)
     */
    public void process(ClaimedJob job) throws Exception {
        Optional<InboundActivity> found = dao.byId(Long.parseLong(job.payload()));
        if (found.isEmpty() || !found.get().state().equals("received")) {
            return;
        }
        InboundActivity activity = found.get();
        Handler handler = handlers.get(activity.type());
        if (handler == null) {
            LOG.fine(() -> "no handler for " + activity.type() + " activities yet: " + activity.activityId());
            dao.setState(activity.id(), "unhandled");
            return;
        }
        handler.handle(activity, Json.readObject(activity.body().getBytes(StandardCharsets.UTF_8)).orElseThrow());
        dao.setState(activity.id(), "processed");
    }

    private static String target(Exchange x) {
        String path = x.request().path().rawPath();
        String query = x.request().query().rawValue();
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    private static Map<String, List<String>> headers(Exchange x) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : x.request().headers()) {
            headers.computeIfAbsent(header.name(), n -> new ArrayList<>()).addAll(header.allValues());
        }
        return headers;
    }

    private static Optional<String> url(Object value) {
        if (!(value instanceof String s) || s.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(s);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    ? Optional.of(s) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean sameHost(String a, String b) {
        return URI.create(a).getAuthority().equalsIgnoreCase(URI.create(b).getAuthority());
    }
}
