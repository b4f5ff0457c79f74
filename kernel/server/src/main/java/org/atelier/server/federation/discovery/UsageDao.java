package org.atelier.server.federation.discovery;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The usage counts NodeInfo reports. SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
interface UsageDao {
    @SqlQuery
    long users();

    @SqlQuery
    long activeSince(@Bind("since") Instant since);

    @SqlQuery
    long localPosts();
}
