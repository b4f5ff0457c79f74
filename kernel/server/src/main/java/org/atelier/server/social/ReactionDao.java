package org.atelier.server.social;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code likes} and {@code reposts} tables (the table comes from {@link ReactionKind}). */
@UseClasspathSqlLocator
interface ReactionDao {

    /** @return 1 when added, 0 when the viewer had already reacted */
    @SqlUpdate
    int insert(@Define("table") String table, @Bind("accountId") long accountId, @Bind("postId") long postId,
               @Bind("now") Instant now);

    /** @return 1 when removed, 0 when there was nothing to remove */
    @SqlUpdate
    int delete(@Define("table") String table, @Bind("accountId") long accountId, @Bind("postId") long postId);

    /** @return those of the posts the account reacted to */
    @SqlQuery
    List<Long> reactedTo(@Define("table") String table, @Bind("accountId") long accountId,
                         @BindList("postIds") Collection<Long> postIds);
}
