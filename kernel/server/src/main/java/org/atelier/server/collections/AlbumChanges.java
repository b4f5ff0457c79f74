package org.atelier.server.collections;

import java.util.Optional;

/**
 * What creating or editing an album sets; an empty field keeps its value (or takes its default on
 * create). Values are hostile until {@link Collections} checked them.
 *
 * @param title       title, 1 to {@value Collections#MAX_TITLE} characters
 * @param description plain text, up to {@value Collections#MAX_DESCRIPTION} characters
 * @param visibility  {@code public} or {@code private} (new albums are private unless told)
 * @param cover       the public id of a post in the album to show as its cover
 * @param clearCover  true to drop the chosen cover, so that the first visible post shows instead
 */
public record AlbumChanges(Optional<String> title, Optional<String> description, Optional<String> visibility,
                           Optional<String> cover, boolean clearCover) {
}
