package org.atelier.server.posts;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The one rule for who may see a post, as an SQL condition every query that lists or loads posts
 * includes as {@code <postVisible>} (posts aliased {@code p}, the viewer bound as
 * {@code :viewerId}, 0 when signed out): published, and public or unlisted, or the viewer's own,
 * or followers-only with the viewer an accepted follower; and no block either way between the
 * viewer and the author. Written once so that no list can forget a clause — followers-only
 * posts leaking to a whole instance is a known failure elsewhere.
 */
public final class PostVisibility {
    /** The condition. */
    public static final String CONDITION = "p.state = 'published'"
            + " AND (p.visibility IN ('public', 'unlisted') OR p.author_id = :viewerId"
            + " OR EXISTS (SELECT 1 FROM follows vf WHERE vf.follower_id = :viewerId AND vf.followee_id = p.author_id"
            + " AND vf.state = 'accepted'))"
            + " AND NOT EXISTS (SELECT 1 FROM blocks vb WHERE (vb.account_id = p.author_id AND vb.target_id = :viewerId)"
            + " OR (vb.account_id = :viewerId AND vb.target_id = p.author_id))";

    /**
     * The columns of a post's row as {@link PostRecord} maps them, included as
     * {@code <postColumns>} by every query that reads posts whole (posts aliased {@code p}, the
     * author's account {@code a}).
     */
    public static final String COLUMNS = "p.id, p.public_id, p.author_id, a.username AS author_username,"
            + " a.display_name AS author_name, p.title, p.description, p.description_html, p.is_sensitive,"
            + " p.content_warning, p.licence, p.visibility, p.no_ai_training, p.in_portfolio, p.pinned, p.state,"
            + " p.like_count, p.repost_count, p.comment_count, p.created_at, p.updated_at, p.published_at";

    private PostVisibility() {
    }

    /**
     * Makes {@code <postVisible>} and {@code <postColumns>} available to every statement of this Jdbi.
     *
     * @param jdbi the database's Jdbi
     */
    public static void install(Jdbi jdbi) {
        jdbi.getConfig(SqlStatements.class).define("postVisible", CONDITION).define("postColumns", COLUMNS);
    }
}
