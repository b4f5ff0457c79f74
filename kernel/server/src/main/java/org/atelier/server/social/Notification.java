package org.atelier.server.social;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ColumnName;

/**
 * A notification as its recipient reads it.
 *
 * @param id              its id (for "mark read up to here")
 * @param kind            {@link NotificationKind#key()}
 * @param actorUsername   who did it
 * @param actorName       their display name
 * @param postPublicId    the post it is about, if any
 * @param postTitle       that post's title (possibly empty)
 * @param commentPublicId the comment it is about, if any
 * @param createdAt       when
 * @param read            whether the recipient marked it read
 */
public record Notification(long id, String kind, String actorUsername, String actorName, Optional<String> postPublicId,
                           Optional<String> postTitle, Optional<String> commentPublicId, Instant createdAt,
                           @ColumnName("is_read") boolean read) {

    /**
     * A page of notifications, newest first.
     *
     * @param items the notifications
     * @param next  the {@code before=} token of the next page, empty on the last
     */
    public record Page(java.util.List<Notification> items, Optional<String> next) {
    }
}
