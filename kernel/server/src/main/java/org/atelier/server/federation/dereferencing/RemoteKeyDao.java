package org.atelier.server.federation.dereferencing;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Remote actors' public keys (V10). SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
interface RemoteKeyDao {

    /**
     * A known key.
     *
     * @param keyId        its id
     * @param ownerId      the actor it belongs to
     * @param publicKeyPem the key
     */
    record Row(String keyId, String ownerId, String publicKeyPem) {
    }

    @SqlQuery
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(@Bind("keyHash") String keyHash);

    @SqlUpdate
    int delete(@Bind("keyHash") String keyHash);

    @SqlUpdate
    int insert(@Bind("keyHash") String keyHash, @Bind("keyId") String keyId, @Bind("ownerId") String ownerId,
               @Bind("publicKeyPem") String publicKeyPem, @Bind("now") Instant now);

    /** Replaces what is known of a key. */
    @Transaction
    default void put(String keyHash, String keyId, String ownerId, String publicKeyPem, Instant now) {
        delete(keyHash);
        insert(keyHash, keyId, ownerId, publicKeyPem, now);
    }
}
