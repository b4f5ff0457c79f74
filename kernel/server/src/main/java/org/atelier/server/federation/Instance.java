package org.atelier.server.federation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The instance's identity in federation — its base URL — and the URLs of its actors and their
 * collections, built in one place so that every document says the same. An account's actor id
 * is {@code <base>/users/<username>}, the form Mastodon and most peers use; its profile page is
 * {@code <base>/@<username>}; both answer HTML to browsers and the actor document to ActivityPub
 * clients.
 *
 * @param baseUrl the public base URL, without a trailing slash
 */
public record Instance(String baseUrl) {

    /**
     * The instance with this base URL.
     *
     * @param base the configured public base URL
     * @return the instance
     */
    public static Instance of(URI base) {
        String text = base.toString();
        return new Instance(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** @return the host and port that {@code acct:} addresses of this instance use */
    public String domain() {
        return URI.create(baseUrl).getAuthority();
    }

    /**
     * @param username a local username
     * @return the account's actor id
     */
    public String actor(String username) {
        return baseUrl + "/users/" + encode(username);
    }

    /**
     * @param username a local username
     * @return the account's profile page
     */
    public String profile(String username) {
        return baseUrl + "/@" + encode(username);
    }

    /**
     * @param username a local username
     * @param part     {@code inbox}, {@code outbox}, {@code followers}, {@code following}
     * @return the URL of that part of the actor
     */
    public String actorPart(String username, String part) {
        return actor(username) + "/" + part;
    }

    /** @return the instance actor's id */
    public String instanceActor() {
        return baseUrl + "/actor";
    }

    /** @return the shared inbox */
    public String sharedInbox() {
        return baseUrl + "/inbox";
    }

    /**
     * @param actorId an actor id of this instance
     * @return the id of its public key
     */
    public static String keyId(String actorId) {
        return actorId + "#main-key";
    }

    private static String encode(String username) {
        return URLEncoder.encode(username, StandardCharsets.UTF_8);
    }
}
