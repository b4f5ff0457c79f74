package org.atelier.server.embeds;

import java.util.Optional;
import org.atelier.plugin.api.embed.Embed;

/**
 * What one link became.
 *
 * @param link   the link as given
 * @param isLink whether it is a web link at all (else it is shown as text)
 * @param embed  the embed, when a provider offered one
 */
public record EmbedResult(String link, boolean isLink, Optional<Embed> embed) {
}
