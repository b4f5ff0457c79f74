package org.atelier.server.social;

import java.time.Instant;
import java.util.Optional;

/**
 * A comment as a thread shows it. Placeholders (deleted, hidden) have no author and no text.
 *
 * @param id             its public id
 * @param parentId       the public id of the comment it replies to, empty for a top-level comment
 * @param depth          how far to indent it: 0 for top-level, at most {@link Comments#MAX_DEPTH}
 * @param state          whether it is shown, deleted or hidden
 * @param authorUsername its author's username
 * @param authorName     its author's display name
 * @param body           the Markdown source
 * @param bodyHtml       the sanitised HTML
 * @param createdAt      written
 * @param deletable      whether the viewer may delete it
 */
public record CommentView(String id, Optional<String> parentId, int depth, CommentState state,
                          Optional<String> authorUsername, Optional<String> authorName, String body, String bodyHtml,
                          Instant createdAt, boolean deletable) {

    /**
     * A page of a post's comments: top-level comments oldest first, each followed by its replies
     * in reading order.
     *
     * @param comments the comments, flat, in display order
     * @param next     the {@code after=} token of the next page of top-level comments, empty on the last
     */
    public record Thread(java.util.List<CommentView> comments, Optional<String> next) {
    }
}
