package org.atelier.server.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code accounts}, {@code sessions} and {@code invites} tables. SQL beside this interface,
 * one file per method.
 */
@UseClasspathSqlLocator
@RegisterConstructorMapper(Account.class)
public interface AccountDao {

    /**
     * Inserts an account.
     *
     * @return its id
     */
    @SqlUpdate
    @GetGeneratedKeys("id")
    long insert(@Bind("username") String username, @Bind("email") String email,
                @Bind("displayName") String displayName, @Bind("passwordHash") String passwordHash,
                @Bind("role") String role, @Bind("status") String status, @Bind("createdAt") Instant createdAt);

    /** @return the account with that id */
    @SqlQuery
    Optional<Account> byId(@Bind("id") long id);

    /** @return the account with that username */
    @SqlQuery
    Optional<Account> byUsername(@Bind("username") String username);

    /** @return whether an account uses that e-mail address */
    @SqlQuery
    boolean emailTaken(@Bind("email") String email);

    /** @return how many admins exist */
    @SqlQuery
    int countAdmins();

    /** @return accounts with a status, oldest first */
    @SqlQuery
    List<Account> byStatus(@Bind("status") String status, @Bind("limit") int limit);

    /** @return rows changed */
    @SqlUpdate
    int updateStatus(@Bind("id") long id, @Bind("status") String status);

    /** @return rows changed */
    @SqlUpdate
    int updateRole(@Bind("id") long id, @Bind("role") String role);

    /** @return rows changed */
    @SqlUpdate
    int updateProfile(@Bind("id") long id, @Bind("displayName") String displayName, @Bind("bio") String bio);

    /** Stores a session. */
    @SqlUpdate
    void insertSession(@Bind("idHash") String idHash, @Bind("accountId") long accountId,
                       @Bind("csrfToken") String csrfToken, @Bind("createdAt") Instant createdAt,
                       @Bind("expiresAt") Instant expiresAt);

    /** @return the live session's account and CSRF token, in one query (it runs on every request) */
    @SqlQuery
    @RegisterConstructorMapper(SessionRow.class)
    Optional<SessionRow> session(@Bind("idHash") String idHash, @Bind("now") Instant now);

    /** @return rows changed */
    @SqlUpdate
    int deleteSession(@Bind("idHash") String idHash);

    /** @return rows changed */
    @SqlUpdate
    int deleteExpiredSessions(@Bind("now") Instant now);

    /** Stores an invite. */
    @SqlUpdate
    void insertInvite(@Bind("codeHash") String codeHash, @Bind("createdBy") long createdBy, @Bind("note") String note,
                      @Bind("maxUses") int maxUses, @Bind("createdAt") Instant createdAt,
                      @Bind("expiresAt") Instant expiresAt);

    /** @return 1 when a use of a live invite was taken, 0 otherwise */
    @SqlUpdate
    int useInvite(@Bind("codeHash") String codeHash, @Bind("now") Instant now);

    /**
     * A live session.
     *
     * @param account   the account it belongs to
     * @param csrfToken the session's CSRF token
     */
    record SessionRow(@Nested Account account, String csrfToken, java.time.Instant expiresAt) {
    }
}
