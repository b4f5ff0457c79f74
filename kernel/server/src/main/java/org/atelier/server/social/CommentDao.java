package org.atelier.server.social;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code comments} table. SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(CommentRow.class)
interface CommentDao {

    /** Where a comment stands in its thread, re-read under the post's lock before changing it. */
    record Link(long id, Optional<Long> parentId, boolean deleted, int replies) {
    }

    /** @return the new comment's id */
    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("publicId") String publicId, @Bind("postId") long postId, @Bind("authorId") long authorId,
                @Bind("parentId") Long parentId, @Bind("rootId") Long rootId, @Bind("body") String body,
                @Bind("bodyHtml") String bodyHtml, @Bind("now") Instant now);

    /** @return the comment, seen by the viewer (for {@code hidden}) */
    @SqlQuery
    Optional<CommentRow> byPublicId(@Bind("publicId") String publicId, @Bind("viewerId") long viewerId);

    /** @return ids of the post's top-level comments after the given id, oldest first */
    @SqlQuery
    List<Long> roots(@Bind("postId") long postId, @Bind("afterId") long afterId, @Bind("limit") int limit);

    /** @return these top-level comments and all their replies, oldest first */
    @SqlQuery
    List<CommentRow> threads(@BindList("roots") Collection<Long> roots, @Bind("viewerId") long viewerId);

    /** @return the comment's place in its thread */
    @SqlQuery
    @RegisterConstructorMapper(Link.class)
    Optional<Link> link(@Bind("id") long id);

    /** @return 1 when the comment became a placeholder */
    @SqlUpdate
    int markDeleted(@Bind("id") long id);

    /** @return rows deleted */
    @SqlUpdate
    int delete(@Bind("id") long id);
}
