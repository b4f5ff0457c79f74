package org.atelier.server.social;

import java.time.Instant;
import java.util.Optional;

/**
 * A row of {@code comments} with what deciding about it needs.
 *
 * @param id             internal id
 * @param publicId       id in URLs
 * @param postId         the post's internal id
 * @param postPublicId   the post's public id
 * @param postAuthorId   the post's author
 * @param authorId       the comment's author
 * @param authorUsername the author's username
 * @param authorName     the author's display name
 * @param parentId       the comment it replies to, empty for a top-level comment
 * @param rootId         the top-level comment it hangs under, empty for a top-level comment
 * @param body           the Markdown source (empty once deleted)
 * @param bodyHtml       the sanitised HTML (empty once deleted)
 * @param deleted        whether it is a placeholder left for its replies
 * @param createdAt      written
 * @param hidden         whether a block stands between its author and the viewer
 */
record CommentRow(long id, String publicId, long postId, String postPublicId, long postAuthorId, long authorId,
                  String authorUsername, String authorName, Optional<Long> parentId, Optional<Long> rootId,
                  String body, String bodyHtml, boolean deleted, Instant createdAt, boolean hidden) {

    /** @return the top-level comment of this comment's thread (itself when top-level) */
    long threadRoot() {
        return rootId.orElse(id);
    }
}
