package org.atelier.server.social;

import java.util.Locale;

/** Why someone is notified. */
public enum NotificationKind {
    /** Someone follows you. */
    FOLLOW,
    /** Someone asks to follow your locked account. */
    FOLLOW_REQUEST,
    /** Someone liked your post. */
    LIKE,
    /** Someone reposted your post. */
    REPOST,
    /** Someone commented on your post, or replied to your comment. */
    COMMENT,
    /** Someone mentioned you in a post or a comment. */
    MENTION;

    /** @return the name used in the API and the database */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
