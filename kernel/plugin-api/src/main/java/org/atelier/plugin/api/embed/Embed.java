package org.atelier.plugin.api.embed;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A safe embed descriptor.
 *
 * @param provider  the site's display name, for example {@code YouTube}
 * @param iframeSrc the frame's address, built by the provider from a validated id on an
 *                  allow-listed https host
 * @param canonical the canonical page address for the content, built the same way; used as the
 *                  plain-link fallback and in federation
 * @param title     a title, where derivable from the URL alone
 * @param thumbnail a thumbnail address, where derivable without a network request
 * @param aspect    the frame's shape
 */
public record Embed(String provider, URI iframeSrc, URI canonical, Optional<String> title,
                    Optional<URI> thumbnail, AspectRatio aspect) {
    /**
     * Validates that the addresses are absolute https URLs.
     *
     * @param provider  the site's display name
     * @param iframeSrc the frame's address
     * @param canonical the canonical page address
     * @param title     an optional title
     * @param thumbnail an optional thumbnail
     * @param aspect    the frame's shape
     */
    public Embed {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(thumbnail, "thumbnail");
        Objects.requireNonNull(aspect, "aspect");
        requireHttps(iframeSrc, "iframeSrc");
        requireHttps(canonical, "canonical");
        thumbnail.ifPresent(t -> requireHttps(t, "thumbnail"));
    }

    private static void requireHttps(URI uri, String what) {
        Objects.requireNonNull(uri, what);
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an absolute https URL: " + uri);
        }
    }
}
