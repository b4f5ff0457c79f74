package org.atelier.server.collections;

import java.util.Optional;
import org.atelier.server.posts.Post;

/**
 * An album as one viewer sees it.
 *
 * @param record    its row
 * @param cover     the post to show as its cover: the owner's choice if the viewer may see it, else
 *                  the first post of the album the viewer may see; empty when the viewer sees none
 * @param postCount how many of its posts the viewer may see
 */
public record Album(AlbumRecord record, Optional<Post> cover, int postCount) {
}
