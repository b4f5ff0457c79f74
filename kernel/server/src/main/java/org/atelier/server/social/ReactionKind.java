package org.atelier.server.social;

/** Likes and reposts: the same bookkeeping on different tables and counters. */
enum ReactionKind {
    /** A like. */
    LIKE("likes", "like_count", NotificationKind.LIKE),
    /** A repost. */
    REPOST("reposts", "repost_count", NotificationKind.REPOST);

    private final String table;
    private final String counter;
    private final NotificationKind notification;

    ReactionKind(String table, String counter, NotificationKind notification) {
        this.table = table;
        this.counter = counter;
        this.notification = notification;
    }

    /** @return the table of who reacted to what */
    String table() {
        return table;
    }

    /** @return the {@code posts} column counting them */
    String counter() {
        return counter;
    }

    /** @return what the post's author is told */
    NotificationKind notification() {
        return notification;
    }
}
