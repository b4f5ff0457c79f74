package org.atelier.server.posts;

import java.time.Instant;
import java.util.Optional;

/**
 * A row of {@code posts} with its author's name.
 *
 * @param id              internal id
 * @param publicId        id in URLs
 * @param authorId        the author's account id
 * @param authorUsername  the author's username
 * @param authorName      the author's display name
 * @param title           title, possibly empty
 * @param description     the Markdown source
 * @param descriptionHtml the sanitised HTML
 * @param isSensitive     whether it is behind a content warning
 * @param contentWarning  the warning text
 * @param licence         licence key
 * @param visibility      visibility key
 * @param noAiTraining    the artist's "no AI training" choice
 * @param inPortfolio     whether the portfolio shows it
 * @param pinned          whether it is pinned to the top of the portfolio
 * @param state           {@code draft} or {@code published}
 * @param likeCount       likes
 * @param repostCount     reposts
 * @param commentCount    comments
 * @param createdAt       created
 * @param updatedAt       last edited
 * @param publishedAt     published, empty for drafts
 */
public record PostRecord(long id, String publicId, long authorId, String authorUsername, String authorName,
                         String title, String description, String descriptionHtml, boolean isSensitive,
                         String contentWarning, String licence, String visibility, boolean noAiTraining,
                         boolean inPortfolio, boolean pinned, String state, int likeCount, int repostCount,
                         int commentCount, Instant createdAt, Instant updatedAt, Optional<Instant> publishedAt) {

    /** @return whether the post is published */
    public boolean published() {
        return "published".equals(state);
    }

    /** @return the post's visibility */
    public Visibility visibilityValue() {
        return Visibility.of(visibility).orElse(Visibility.FOLLOWERS);
    }

    /** @return the post's licence */
    public Licence licenceValue() {
        return Licence.of(licence).orElse(Licence.ALL_RIGHTS_RESERVED);
    }
}
