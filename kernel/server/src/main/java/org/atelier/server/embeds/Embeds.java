package org.atelier.server.embeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.atelier.plugin.api.embed.Embed;
import org.atelier.plugin.api.embed.EmbedProvider;
import org.atelier.server.plugins.ExtensionPoint;
import org.atelier.server.plugins.ExtensionRegistry;
import org.atelier.server.plugins.PluginCallException;
import org.atelier.server.plugins.PluginCalls;

/**
 * Turns the links a user or peer gave into embeds where an installed {@link EmbedProvider}
 * offers one, and plain links (or plain text) everywhere else. Links are parsed and bounded here
 * before any provider sees them; a provider that throws or hangs is skipped for that link.
 * With no provider installed every link stays a plain link. Thread-safe.
 */
public final class Embeds {
    /** Longest link considered. */
    public static final int MAX_URL = 2048;
    /** Most links resolved in one call. */
    public static final int MAX_LINKS = 50;

    private final ExtensionRegistry extensions;
    private final PluginCalls calls;

    /**
     * Creates the service.
     *
     * @param extensions the plugin services
     * @param calls      the guarded plugin-call gate
     */
    public Embeds(ExtensionRegistry extensions, PluginCalls calls) {
        this.extensions = extensions;
        this.calls = calls;
    }

    /**
     * Resolves several links, in order.
     *
     * @param links the links as given, possibly hostile
     * @return one result per link (at most {@link #MAX_LINKS})
     */
    public List<EmbedResult> resolve(List<String> links) {
        List<EmbedResult> results = new ArrayList<>();
        for (String raw : links.subList(0, Math.min(links.size(), MAX_LINKS))) {
            String link = raw == null ? "" : raw.strip();
            if (link.isEmpty()) {
                continue;
            }
            Optional<URI> uri = parse(link);
            if (uri.isEmpty()) {
                results.add(new EmbedResult(link, false, Optional.empty()));
                continue;
            }
            results.add(new EmbedResult(link, true, embed(uri.get())));
        }
        return results;
    }

    private Optional<Embed> embed(URI uri) {
        for (ExtensionRegistry.Tracked<EmbedProvider> provider
                : extensions.services(ExtensionPoint.EMBED_PROVIDER, EmbedProvider.class)) {
            try {
                Optional<Embed> embed = calls.call(provider.bundle() + "/embed", () -> provider.service().embed(uri));
                if (embed != null && embed.isPresent()) {
                    return embed;
                }
            } catch (PluginCallException e) {
                // this provider failed for this link; the next one may still embed it
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a link into an absolute http(s) URI, or nothing.
     *
     * @param link the link as given
     * @return the URI, when it is a plausible web link
     */
    static Optional<URI> parse(String link) {
        if (link.length() > MAX_URL || link.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(link);
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.isOpaque()) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
