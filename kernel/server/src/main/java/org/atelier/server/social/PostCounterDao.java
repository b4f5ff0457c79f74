package org.atelier.server.social;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The like, repost and comment counters on {@code posts}, kept in the transaction that adds or
 * removes the row they count. The post row is locked first, so that concurrent reactions queue
 * on it instead of deadlocking (the child insert's foreign-key check would otherwise share-lock
 * the row that the counter update then needs exclusively).
 */
@UseClasspathSqlLocator
interface PostCounterDao {

    /** @return the counter's value, with the post's row locked until the transaction ends; empty when the post is gone */
    @SqlQuery
    Optional<Integer> lock(@Define("counter") String counter, @Bind("postId") long postId);

    /** Adds to a counter (a negative delta subtracts). */
    @SqlUpdate
    void adjust(@Define("counter") String counter, @Bind("postId") long postId, @Bind("delta") int delta);
}
