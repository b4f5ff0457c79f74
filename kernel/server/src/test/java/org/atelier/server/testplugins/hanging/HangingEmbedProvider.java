package org.atelier.server.testplugins.hanging;

import java.net.URI;
import java.util.Optional;
import org.atelier.plugin.api.embed.Embed;
import org.atelier.plugin.api.embed.EmbedProvider;

/** Hangs on every link. */
public final class HangingEmbedProvider implements EmbedProvider {
    @Override
    public String id() {
        return "hanging";
    }

    @Override
    public Optional<Embed> embed(URI url) {
        Hang.forAMinute();
        return Optional.empty();
    }
}
