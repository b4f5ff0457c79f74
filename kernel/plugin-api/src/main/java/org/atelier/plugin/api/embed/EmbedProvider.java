package org.atelier.plugin.api.embed;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Turns a URL into a safe embed, or declines.
 *
 * <p>The URL is hostile input typed by a user or sent by a peer. A provider recognises the URLs
 * of the sites it knows by exact host and path shape, extracts and validates the content id, and
 * builds the iframe address itself from that id on an allow-listed host — it never passes the
 * user's string through. When in doubt it declines, and the kernel renders a plain link.
 *
 * <p>The kernel asks providers in turn and uses the first embed offered. With no provider
 * present, links render as plain links. Implementations must be thread-safe, fast and must not
 * make network requests.
 */
public interface EmbedProvider {

    /**
     * A stable identifier for this provider.
     *
     * @return for example {@code youtube}
     */
    String id();

    /**
     * Tries to embed one URL.
     *
     * @param url an absolute http(s) URL, already parsed by the kernel (at most 2,048 characters)
     * @return the embed, or empty when this provider does not recognise the URL or finds it unsafe
     */
    Optional<Embed> embed(URI url);

    /**
     * Tries to embed each of several URLs (a post may carry many embeds).
     *
     * @param urls absolute http(s) URLs
     * @return one entry per URL, in the same order: the embed, or empty where declined
     */
    default List<Optional<Embed>> embedAll(List<URI> urls) {
        return urls.stream().map(this::embed).toList();
    }
}
