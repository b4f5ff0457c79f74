package org.atelier.server.federation.dereferencing;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.federation.ActivityStreams;
import org.atelier.server.federation.Instance;
import org.atelier.server.federation.keys.ActorKeys;
import org.atelier.server.federation.signatures.HttpSignatures;
import org.atelier.server.federation.signatures.SignatureException;
import org.atelier.server.http.Json;

/**
 * Fetches remote ActivityStreams documents by id, and believes them only as far as their origin
 * allows: the request is signed by the instance actor (peers in authorised-fetch mode require
 * it), the answer must be 200 with an ActivityStreams content type and a JSON object, and the
 * object must carry the id that was asked for — a server cannot answer for another's objects.
 * Requests go through the outbound HTTP client, which refuses private addresses and bounds time
 * and size. Thread-safe.
 */
public final class ActivityDocuments implements RemoteKeys.Documents {

    /**
     * An HTTP answer as this layer reads it.
     *
     * @param status      the status
     * @param contentType the Content-Type header, or empty
     * @param body        the body
     */
    public record Answer(int status, String contentType, byte[] body) {
    }

    /** A signed GET through the outbound client. */
    @FunctionalInterface
    public interface Get {
        /**
         * @param uri     the URL
         * @param headers the request headers, signature included
         * @return the answer
         * @throws Exception when the request cannot be made (refused address, timeout, too large…)
         */
        Answer get(URI uri, Map<String, String> headers) throws Exception;
    }

    private final Get http;
    private final Instance instance;
    private final ActorKeys keys;
    private final Clock clock;

    /**
     * Creates the fetcher.
     *
     * @param http     the outbound client
     * @param instance the instance (its actor signs)
     * @param keys     local actors' keys
     * @param clock    the clock
     */
    public ActivityDocuments(Get http, Instance instance, ActorKeys keys, Clock clock) {
        this.http = http;
        this.instance = instance;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> fetch(URI id) throws SignatureException {
        Map<String, String> headers = HttpSignatures.sign("GET", id, Map.of("Accept",
                        ActivityStreams.ACTIVITY_JSON + ", " + ActivityStreams.LD_JSON_PROFILE), Optional.empty(),
                Instance.keyId(instance.instanceActor()), keys.of(ActorKeys.INSTANCE).privateKey(), clock);
        Map<String, String> sent = new java.util.LinkedHashMap<>(headers);
        sent.remove("Host"); // signed as the URL's authority, which is what the client sends itself
        Answer answer;
        try {
            answer = http.get(id, sent);
        } catch (Exception e) {
            throw new SignatureException("Cannot fetch " + id + ": " + e.getMessage());
        }
        if (answer.status() != 200) {
            throw new SignatureException("Fetching " + id + " answered " + answer.status() + ".");
        }
        if (!activityType(answer.contentType())) {
            throw new SignatureException(id + " is not an ActivityStreams document (" + answer.contentType() + ").");
        }
        Map<String, Object> document = Json.readObject(answer.body())
                .orElseThrow(() -> new SignatureException(id + " is not a JSON object."));
        if (!id.toString().equals(document.get("id"))) {
            throw new SignatureException(id + " answered with another id: " + document.get("id"));
        }
        return document;
    }

    /** application/activity+json, or application/ld+json (with the ActivityStreams profile or none). */
    static boolean activityType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals(ActivityStreams.ACTIVITY_JSON)) {
            return true;
        }
        return type.equals("application/ld+json") && (!contentType.contains("profile")
                || contentType.contains(ActivityStreams.CONTEXT));
    }
}
