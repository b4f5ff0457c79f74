package org.atelier.server.social;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code follows}, {@code blocks} and {@code mutes} tables. SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
interface SocialDao {

    /** What stands between the viewer and another account, as stored. */
    record RelationshipRow(Optional<String> outgoing, Optional<String> incoming, int blocking, int blockedBy,
                           int muting) {
    }

    /** @return one page of a list, before the cursor (fetch limit + 1 to know whether more follow) */
    @SqlQuery
    @RegisterConstructorMapper(AccountEntry.class)
    List<AccountEntry> accountList(@Define("table") String table, @Define("owner") String owner,
                                   @Define("member") String member, @Define("condition") String condition,
                                   @Bind("ownerId") long ownerId, @Bind("viewerId") long viewerId,
                                   @Bind("at") Instant at, @Bind("id") long id, @Bind("limit") int limit);

    /** @return whether the account's profile is locked, if it has a profile row */
    @SqlQuery
    Optional<Boolean> locked(@Bind("accountId") long accountId);

    /** @return 1 when a block stands either way between the viewer and the account, else 0 */
    @SqlQuery
    int blockedWith(@Bind("viewerId") long viewerId, @Bind("accountId") long accountId);

    /** @return 1 when the follow was made, 0 when it existed or a block stands between them */
    @SqlUpdate
    int insertFollow(@Bind("viewerId") long viewerId, @Bind("accountId") long accountId,
                     @Bind("state") String state, @Bind("now") Instant now);

    /** @return {@code accepted} or {@code pending}, if the follow exists */
    @SqlQuery
    Optional<String> followState(@Bind("followerId") long followerId, @Bind("followeeId") long followeeId);

    /** @return rows deleted */
    @SqlUpdate
    int deleteFollow(@Bind("followerId") long followerId, @Bind("followeeId") long followeeId);

    /** @return 1 when a pending request was accepted */
    @SqlUpdate
    int acceptFollow(@Bind("followerId") long followerId, @Bind("followeeId") long followeeId);

    /** @return 1 when a pending request was rejected */
    @SqlUpdate
    int rejectFollow(@Bind("followerId") long followerId, @Bind("followeeId") long followeeId);

    /** Removes follows and requests both ways between two accounts. */
    @SqlUpdate
    void deleteFollowsBetween(@Bind("a") long a, @Bind("b") long b);

    /** @return 1 when the block or mute was made, 0 when it existed */
    @SqlUpdate
    int insertEdge(@Define("table") String table, @Bind("accountId") long accountId, @Bind("targetId") long targetId,
                   @Bind("now") Instant now);

    /** @return rows deleted */
    @SqlUpdate
    int deleteEdge(@Define("table") String table, @Bind("accountId") long accountId, @Bind("targetId") long targetId);

    /** @return the follows, blocks and mute between the two */
    @SqlQuery
    @RegisterConstructorMapper(RelationshipRow.class)
    RelationshipRow relationship(@Bind("viewerId") long viewerId, @Bind("accountId") long accountId);
}
