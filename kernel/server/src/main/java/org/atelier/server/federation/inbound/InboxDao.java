package org.atelier.server.federation.inbound;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The received activities (V10). SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
interface InboxDao {

    /** @return 1 when stored, 0 when this activity id was received before */
    @SqlUpdate
    int insert(@Bind("activityHash") String activityHash, @Bind("activityId") String activityId,
                          @Bind("type") String type, @Bind("actorId") String actorId, @Bind("keyId") String keyId,
                          @Bind("recipientId") Long recipientId, @Bind("body") String body, @Bind("now") Instant now);

    @SqlQuery
    long idByHash(@Bind("activityHash") String activityHash);

    @SqlQuery
    @RegisterConstructorMapper(InboundActivity.class)
    Optional<InboundActivity> byId(@Bind("id") long id);

    @SqlUpdate
    int setState(@Bind("id") long id, @Bind("state") String state);
}
