package org.atelier.server.social;

import org.atelier.server.posts.PostVisibility;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * SQL conditions the social queries share, written once so that a list of accounts and a
 * notification apply the same rule. Installed as Jdbi definitions, like
 * {@link org.atelier.server.posts.PostVisibility}.
 */
final class SocialSql {
    /**
     * {@code <blockedWithViewer>}: a block, either way, between {@code :viewerId} and the account
     * aliased {@code a}.
     */
    static final String BLOCKED_WITH_VIEWER = "EXISTS (SELECT 1 FROM blocks sb WHERE"
            + " (sb.account_id = a.id AND sb.target_id = :viewerId) OR (sb.account_id = :viewerId AND sb.target_id = a.id))";

    /**
     * {@code <notificationAllowed>}: the account aliased {@code a} may notify {@code :viewerId}:
     * no block either way, and the recipient has not muted it.
     */
    static final String NOTIFICATION_ALLOWED = "NOT " + BLOCKED_WITH_VIEWER
            + " AND NOT EXISTS (SELECT 1 FROM mutes sm WHERE sm.account_id = :viewerId AND sm.target_id = a.id)";

    /**
     * {@code <notificationShown>}: the notification aliased {@code n} is still shown to its
     * recipient {@code :viewerId}: its actor (aliased {@code a}) may notify them, and its post, if
     * any, is one they may see now (a follower who left no longer reads a followers-only title).
     */
    static final String NOTIFICATION_SHOWN = NOTIFICATION_ALLOWED + " AND (n.post_id IS NULL OR EXISTS"
            + " (SELECT 1 FROM posts p WHERE p.id = n.post_id AND (" + PostVisibility.CONDITION + ")))";

    /**
     * {@code <commentRow>}: the select list and joins that read a comment ({@code c}) with its
     * post ({@code p}) and author ({@code a}), and whether a block stands between that author and
     * {@code :viewerId}; the caller adds the {@code WHERE}.
     */
    static final String COMMENT_ROW = "SELECT c.id, c.public_id, c.post_id, p.public_id AS post_public_id,"
            + " p.author_id AS post_author_id, c.author_id, a.username AS author_username, a.display_name AS author_name,"
            + " c.parent_id, c.root_id, c.body, c.body_html, c.deleted, c.created_at,"
            + " CASE WHEN " + BLOCKED_WITH_VIEWER + " THEN TRUE ELSE FALSE END AS hidden"
            + " FROM comments c JOIN posts p ON p.id = c.post_id JOIN accounts a ON a.id = c.author_id";

    private SocialSql() {
    }

    /**
     * Makes the conditions available to every statement of this Jdbi.
     *
     * @param jdbi the database's Jdbi
     */
    static void install(Jdbi jdbi) {
        SqlStatements statements = jdbi.getConfig(SqlStatements.class);
        statements.define("blockedWithViewer", BLOCKED_WITH_VIEWER);
        statements.define("notificationAllowed", NOTIFICATION_ALLOWED);
        statements.define("notificationShown", NOTIFICATION_SHOWN);
        statements.define("commentRow", COMMENT_ROW);
    }
}
