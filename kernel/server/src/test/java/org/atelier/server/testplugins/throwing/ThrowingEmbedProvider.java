package org.atelier.server.testplugins.throwing;

import java.net.URI;
import java.util.Optional;
import org.atelier.plugin.api.embed.Embed;
import org.atelier.plugin.api.embed.EmbedProvider;

/** Throws for every link. */
public final class ThrowingEmbedProvider implements EmbedProvider {
    @Override
    public String id() {
        return "throwing";
    }

    @Override
    public Optional<Embed> embed(URI url) {
        throw new IllegalStateException("embed provider broke on " + url);
    }
}
