package org.atelier.server.collections;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.atelier.server.posts.PostDao;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code bookmarks} table. SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
public interface BookmarkDao {

    /** Bookmarks a post; nothing happens when it is already bookmarked. */
    @SqlUpdate
    void insert(@Bind("accountId") long accountId, @Bind("postId") long postId, @Bind("now") Instant now);

    /** @return rows deleted: 1 when the account had bookmarked the post */
    @SqlUpdate
    int delete(@Bind("accountId") long accountId, @Bind("postPublicId") String postPublicId);

    /** @return one page of the account's bookmarks of posts it may still see, newest bookmark first */
    @SqlQuery
    @RegisterConstructorMapper(PostDao.Keyed.class)
    List<PostDao.Keyed> page(@Bind("viewerId") long viewerId, @Bind("at") Instant at, @Bind("id") long id,
                             @Bind("limit") int limit);

    /** @return those of the posts the account bookmarked */
    @SqlQuery
    List<Long> bookmarked(@Bind("accountId") long accountId, @BindList("postIds") Collection<Long> postIds);
}
