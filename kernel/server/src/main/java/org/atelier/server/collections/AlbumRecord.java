package org.atelier.server.collections;

import java.time.Instant;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;

/**
 * A row of {@code albums} with its owner's name and the chosen cover's public id.
 *
 * @param id            internal id
 * @param publicId      id in URLs
 * @param ownerId       the owner's account id
 * @param ownerUsername the owner's username
 * @param ownerName     the owner's display name
 * @param title         title
 * @param description   plain-text description
 * @param visibility    {@code public} or {@code private}
 * @param coverPostId   the cover the owner chose, if any (always a post in the album)
 * @param coverPublicId that cover's public id
 * @param createdAt     created
 * @param updatedAt     last changed (its fields or its posts)
 */
public record AlbumRecord(long id, String publicId, long ownerId, String ownerUsername, String ownerName, String title,
                          String description, String visibility, Optional<Long> coverPostId,
                          Optional<String> coverPublicId, Instant createdAt, Instant updatedAt) {

    /**
     * @param viewer who asks
     * @return whether the viewer owns the album
     */
    public boolean ownedBy(Optional<Viewer> viewer) {
        return viewer.map(v -> v.accountId() == ownerId).orElse(false);
    }

    /** @return the album's visibility */
    public AlbumVisibility visibilityValue() {
        return AlbumVisibility.of(visibility).orElse(AlbumVisibility.PRIVATE);
    }
}
