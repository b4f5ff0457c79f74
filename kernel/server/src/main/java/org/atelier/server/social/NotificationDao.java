package org.atelier.server.social;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code notifications} table. SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
interface NotificationDao {

    /**
     * Notifies, unless the rules in the statement say not to.
     *
     * @param viewerId  the recipient (named so for {@code <postVisible>})
     * @param postId    the post, 0 for none
     * @param commentId the comment, 0 for none
     * @return 1 when stored
     */
    @SqlUpdate
    int insert(@Bind("kind") String kind, @Bind("viewerId") long viewerId, @Bind("actorId") long actorId,
               @Bind("postId") long postId, @Bind("commentId") long commentId, @Bind("now") Instant now);

    /** @return rows deleted: the actor's notifications of that kind to the recipient about the post (0: none) */
    @SqlUpdate
    int withdraw(@Bind("kind") String kind, @Bind("recipientId") long recipientId, @Bind("actorId") long actorId,
                 @Bind("postId") long postId);

    /** @return rows deleted: every notification about the comment */
    @SqlUpdate
    int withdrawComment(@Bind("commentId") long commentId);

    /** @return one page of the recipient's shown notifications, newest first, older than {@code before} */
    @SqlQuery
    @RegisterConstructorMapper(Notification.class)
    List<Notification> page(@Bind("viewerId") long viewerId, @Bind("before") long before, @Bind("limit") int limit);

    /** @return how many shown notifications the recipient has not read */
    @SqlQuery
    int unreadCount(@Bind("viewerId") long viewerId);

    /** @return rows marked read */
    @SqlUpdate
    int markRead(@Bind("viewerId") long viewerId, @Bind("upTo") long upTo, @Bind("now") Instant now);

    /** @return the ids of the active accounts with these usernames */
    @SqlQuery
    List<Long> activeIds(@BindList("usernames") Collection<String> usernames);
}
