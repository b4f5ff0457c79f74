package org.atelier.server.embeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
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
 * before any provider sees them; a provider that throws is skipped for that link, and one that
 * hangs is cut off by the call timeout and skipped for the rest of the request.
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
        List<String> given = new ArrayList<>();
        List<Optional<URI>> parsed = new ArrayList<>();
        for (String raw : links.subList(0, Math.min(links.size(), MAX_LINKS))) {
            String link = raw == null ? "" : raw.strip();
            if (!link.isEmpty()) {
                given.add(link);
                parsed.add(parse(link));
            }
        }
        List<Optional<Embed>> embeds = embedAll(parsed.stream().flatMap(Optional::stream).toList());
        List<EmbedResult> results = new ArrayList<>(given.size());
        int next = 0;
        for (int i = 0; i < given.size(); i++) {
            if (parsed.get(i).isEmpty()) {
                results.add(new EmbedResult(given.get(i), false, Optional.empty()));
            } else {
                results.add(new EmbedResult(given.get(i), true, embeds.get(next++)));
            }
        }
        return results;
    }

    /**
     * Asks the providers present now, in order, about the links none has embedded yet. Each
     * provider gets all of them in one guarded call, so that one that hangs costs a request one
     * timeout, not one per link. When that call fails, the provider is asked link by link, so
     * that a link it chokes on does not cost the others; once it times out it is not asked again.
     */
    private List<Optional<Embed>> embedAll(List<URI> uris) {
        List<Optional<Embed>> embeds = new ArrayList<>(Collections.nCopies(uris.size(), Optional.empty()));
        if (uris.isEmpty()) {
            return embeds;
        }
        for (ExtensionRegistry.Tracked<EmbedProvider> provider
                : extensions.services(ExtensionPoint.EMBED_PROVIDER, EmbedProvider.class)) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < uris.size(); i++) {
                if (embeds.get(i).isEmpty()) {
                    open.add(i);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            List<URI> asked = open.stream().map(uris::get).toList();
            try {
                List<Optional<Embed>> offered = calls.call(provider.bundle() + "/embedAll",
                        () -> provider.service().embedAll(asked));
                if (offered != null && offered.size() == asked.size()) {
                    for (int j = 0; j < open.size(); j++) {
                        Optional<Embed> embed = offered.get(j);
                        if (embed != null && embed.isPresent()) {
                            embeds.set(open.get(j), embed);
                        }
                    }
                    continue;
                }
            } catch (PluginCallException e) {
                if (e.kind() == PluginCallException.Kind.TIMEOUT) {
                    continue; // it hangs: the next provider may still embed these links
                }
            }
            for (int index : open) {
                URI uri = uris.get(index);
                try {
                    Optional<Embed> embed = calls.call(provider.bundle() + "/embed", () -> provider.service().embed(uri));
                    if (embed != null && embed.isPresent()) {
                        embeds.set(index, embed);
                    }
                } catch (PluginCallException e) {
                    if (e.kind() == PluginCallException.Kind.TIMEOUT) {
                        break;
                    }
                    // this provider failed for this link; the next one may still embed it
                }
            }
        }
        return embeds;
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
