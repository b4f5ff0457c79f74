package org.atelier.server.federation.keys;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The actors' key pairs (V9). SQL beside this interface, one file per method. */
@UseClasspathSqlLocator
interface ActorKeyDao {

    /**
     * A stored key pair.
     *
     * @param publicKeyPem  the public key, PEM
     * @param privateKeyPem the private key, PEM (PKCS#8)
     */
    record Row(String publicKeyPem, String privateKeyPem) {
    }

    @SqlQuery
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(@Bind("accountId") long accountId);

    @SqlUpdate
    int insert(@Bind("accountId") long accountId, @Bind("publicKeyPem") String publicKeyPem,
               @Bind("privateKeyPem") String privateKeyPem, @Bind("now") Instant now);
}
