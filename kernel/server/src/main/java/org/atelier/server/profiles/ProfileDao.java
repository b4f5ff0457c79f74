package org.atelier.server.profiles;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code profiles} table. SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
public interface ProfileDao {

    /** A profile as stored, lists as JSON. */
    record Row(long accountId, String username, String displayName, String bio, String role, String bioHtml, String location,
               String links, String skills, boolean openToWork, boolean locked, boolean noAiDefault,
               Optional<String> avatar, Optional<String> banner, Instant createdAt, long postCount,
               long followerCount, long followingCount) {
    }

    /** The columns an edit writes. */
    record Values(long accountId, String bioHtml, String location, String links, String skills, boolean openToWork,
                  boolean locked, boolean noAiDefault, Long avatarId, Long bannerId, Instant now) {
    }

    /** @return an active account's profile */
    @SqlQuery
    @RegisterConstructorMapper(Row.class)
    Optional<Row> byUsername(@Bind("username") String username);

    /** @return rows changed (0: the account has no profile row yet) */
    @SqlUpdate
    int update(@BindMethods Values values);

    /** Creates the profile row. */
    @SqlUpdate
    void insert(@BindMethods Values values);

    /** @return the internal id of the owner's image */
    @SqlQuery
    Optional<Long> ownMedia(@Bind("publicId") String publicId, @Bind("ownerId") long ownerId);
}
