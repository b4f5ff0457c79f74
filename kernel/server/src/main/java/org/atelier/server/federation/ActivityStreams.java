package org.atelier.server.federation;

import java.util.Locale;

/**
 * ActivityStreams media types, and which requests ask for them: content negotiation lets one URL
 * answer HTML to browsers and ActivityStreams JSON to ActivityPub clients.
 */
public final class ActivityStreams {
    /** The ActivityPub media type. */
    public static final String ACTIVITY_JSON = "application/activity+json";
    /** The JSON-LD form ActivityPub also names. */
    public static final String LD_JSON_PROFILE = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    /** The ActivityStreams context. */
    public static final String CONTEXT = "https://www.w3.org/ns/activitystreams";
    /** The security vocabulary (publicKey). */
    public static final String SECURITY = "https://w3id.org/security/v1";

    private ActivityStreams() {
    }

    /**
     * Whether an Accept header asks for ActivityStreams JSON: {@code application/activity+json},
     * or {@code application/ld+json} with the ActivityStreams profile (or without one, as some
     * peers send it), before any HTML type it lists.
     *
     * @param accept the header, or null
     * @return true for an ActivityPub client
     */
    public static boolean wanted(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip();
            if (quality(parts) == 0) {
                continue;
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                return false;
            }
            if (type.equals(ACTIVITY_JSON) || type.equals("application/ld+json")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a request asks for ActivityStreams JSON (see {@link #wanted(String)}).
     *
     * @param request the request
     * @return true for an ActivityPub client
     */
    public static boolean wantedBy(io.helidon.webserver.http.ServerRequest request) {
        return wanted(request.headers().first(io.helidon.http.HeaderNames.ACCEPT).orElse(null));
    }

    /**
     * Answers with an ActivityStreams document. {@code Vary: Accept}, as the same URL may answer
     * HTML to browsers.
     *
     * @param x        the exchange
     * @param document the document, JSON-ready
     */
    public static void send(org.atelier.server.http.Exchange x, Object document) {
        x.response().header(io.helidon.http.HeaderNames.VARY, "Accept");
        x.send(200, ACTIVITY_JSON + "; charset=utf-8", org.atelier.server.http.Json.write(document));
    }

    /**
     * The start of an {@code OrderedCollection} document; callers add its size or items.
     *
     * @param id the collection's id
     * @return {@code @context}, {@code id} and {@code type}, in that order, to add to
     */
    public static java.util.Map<String, Object> orderedCollection(String id) {
        java.util.Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("@context", CONTEXT);
        v.put("id", id);
        v.put("type", "OrderedCollection");
        return v;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            if (param.startsWith("q=")) {
                try {
                    return Double.parseDouble(param.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
