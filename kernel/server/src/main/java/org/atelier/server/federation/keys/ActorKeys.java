package org.atelier.server.federation.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.atelier.server.store.Database;

/**
 * The key pair of each local actor: RSA 2048, made the first time an actor needs one (its
 * document is fetched, it signs a request), stored in {@code actor_keys} and kept in memory
 * after. Two kernel processes making the same actor's key at once keep the one written first.
 * The instance actor's key is {@link #INSTANCE}'s. Thread-safe.
 */
public final class ActorKeys {
    /** The key owner id of the instance actor (no account has id 0). */
    public static final long INSTANCE = 0;
    /** RSA modulus size: what Mastodon and its peers make and expect. */
    static final int BITS = 2048;

    /**
     * An actor's key pair.
     *
     * @param publicKeyPem the public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509
     *                     SubjectPublicKeyInfo), as actor documents publish it
     * @param publicKey    the public key
     * @param privateKey   the private key
     */
    public record ActorKey(String publicKeyPem, PublicKey publicKey, PrivateKey privateKey) {
    }

    private final ActorKeyDao dao;
    private final Clock clock;
    private final Map<Long, ActorKey> loaded = new ConcurrentHashMap<>();

    /**
     * Creates the key store.
     *
     * @param database the database
     * @param clock    the clock
     */
    public ActorKeys(Database database, Clock clock) {
        this.dao = database.jdbi().onDemand(ActorKeyDao.class);
        this.clock = clock;
    }

    /**
     * An actor's key pair, made and stored if it has none yet.
     *
     * @param accountId the account, or {@link #INSTANCE}
     * @return the key pair
     */
    public ActorKey of(long accountId) {
        return loaded.computeIfAbsent(accountId, id -> {
            ActorKeyDao.Row row = dao.find(id).orElseGet(() -> {
                KeyPair pair = generate();
                dao.insert(id, pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                        pem("PRIVATE KEY", pair.getPrivate().getEncoded()), clock.instant());
                return dao.find(id).orElseThrow(); // ours, or a concurrent writer's
            });
            return parse(row);
        });
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make RSA keys", e);
        }
    }

    private static ActorKey parse(ActorKeyDao.Row row) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(der(row.publicKeyPem())));
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(row.privateKeyPem())));
            return new ActorKey(row.publicKeyPem(), publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored actor key does not parse", e);
        }
    }

    /** PEM text: the DER in Base64, 64 characters a line, between BEGIN and END lines. */
    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    static byte[] der(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
