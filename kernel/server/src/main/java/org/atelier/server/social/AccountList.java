package org.atelier.server.social;

/**
 * The account lists, each a table read the same way (one SQL statement, {@code accountList.sql},
 * with these pieces defined in): whose list it is, who is on it, and which rows count. Lists that
 * other people read leave out accounts with a block either way with the viewer; the viewer's own
 * block and mute lists are read only for the viewer.
 */
enum AccountList {
    /** An artist's accepted followers. */
    FOLLOWERS("follows", "followee_id", "follower_id", "l.state = 'accepted' AND NOT " + SocialSql.BLOCKED_WITH_VIEWER),
    /** Whom an artist follows (accepted). */
    FOLLOWING("follows", "follower_id", "followee_id", "l.state = 'accepted' AND NOT " + SocialSql.BLOCKED_WITH_VIEWER),
    /** Requests waiting for the viewer's approval. */
    FOLLOW_REQUESTS("follows", "followee_id", "follower_id", "l.state = 'pending' AND NOT " + SocialSql.BLOCKED_WITH_VIEWER),
    /** Who liked a post. */
    LIKES("likes", "post_id", "account_id", "NOT " + SocialSql.BLOCKED_WITH_VIEWER),
    /** Whom the viewer blocks. */
    BLOCKS("blocks", "account_id", "target_id", "l.account_id = :viewerId"),
    /** Whom the viewer mutes. */
    MUTES("mutes", "account_id", "target_id", "l.account_id = :viewerId");

    private final String table;
    private final String owner;
    private final String member;
    private final String condition;

    AccountList(String table, String owner, String member, String condition) {
        this.table = table;
        this.owner = owner;
        this.member = member;
        this.condition = condition;
    }

    /** @return the table */
    String table() {
        return table;
    }

    /** @return the column naming whose list a row is in */
    String owner() {
        return owner;
    }

    /** @return the column naming the account on the list */
    String member() {
        return member;
    }

    /** @return which rows count, with {@code :viewerId} bound */
    String condition() {
        return condition;
    }
}
