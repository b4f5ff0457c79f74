package org.atelier.server.federation.dereferencing;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.federation.signatures.SignatureException;
import org.atelier.server.store.Database;
import org.atelier.server.store.Hashes;

/**
 * Remote actors' public keys, by the {@code keyId} a signature names: kept in {@code remote_keys},
 * fetched from the key's document the first time and again when asked to (a signature that no
 * longer verifies: the actor rotated its key). A key counts only with its owner: either the
 * document fetched is the actor and lists the key, or it is a key document whose {@code owner}
 * actor, fetched in turn, lists the same key — so a server cannot pass off a key as another
 * actor's. Thread-safe.
 */
public final class RemoteKeys {

    /**
     * A remote actor's key.
     *
     * @param keyId   its id
     * @param ownerId the actor it belongs to
     * @param key     the key
     */
    public record RemoteKey(String keyId, String ownerId, PublicKey key) {
    }

    /** Fetches an ActivityStreams document by its id (see {@link ActivityDocuments}). */
    @FunctionalInterface
    public interface Documents {
        /**
         * @param id the document's id
         * @return the document, whose id is the one asked for
         * @throws SignatureException when it cannot be fetched or is not what was asked for
         */
        Map<String, Object> fetch(URI id) throws SignatureException;
    }

    private final RemoteKeyDao dao;
    private final Documents documents;
    private final Clock clock;

    /**
     * Creates the key store.
     *
     * @param database  the database
     * @param documents how documents are fetched
     * @param clock     the clock
     */
    public RemoteKeys(Database database, Documents documents, Clock clock) {
        this.dao = database.jdbi().onDemand(RemoteKeyDao.class);
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * A key, from what is kept or fetched.
     *
     * @param keyId   the keyId a signature names
     * @param refetch true to fetch it afresh
     * @return the key with its owner; empty when the documents do not hold it
     * @throws SignatureException when the documents cannot be had
     */
    public Optional<RemoteKey> key(String keyId, boolean refetch) throws SignatureException {
        String hash = Hashes.sha256(keyId);
        if (!refetch) {
            Optional<RemoteKeyDao.Row> kept = dao.find(hash);
            if (kept.isPresent()) {
                return Optional.of(new RemoteKey(keyId, kept.get().ownerId(), parse(kept.get().publicKeyPem())));
            }
        }
        Optional<Owned> fetched = fetch(keyId);
        if (fetched.isEmpty()) {
            return Optional.empty();
        }
        dao.put(hash, keyId, fetched.get().ownerId(), fetched.get().pem(), clock.instant());
        return Optional.of(new RemoteKey(keyId, fetched.get().ownerId(), parse(fetched.get().pem())));
    }

    private record Owned(String ownerId, String pem) {
    }

    private Optional<Owned> fetch(String keyId) throws SignatureException {
        URI keyUri = withoutFragment(keyId);
        Map<String, Object> document = documents.fetch(keyUri);
        Optional<Map<String, Object>> listed = listedKey(document, keyId);
        if (listed.isPresent()) {
            // the actor's own document lists the key
            String owner = string(listed.get().get("owner")).orElse(string(document.get("id")).orElse(""));
            if (!owner.equals(document.get("id"))) {
                throw new SignatureException("The key " + keyId + " names an owner other than the actor listing it.");
            }
            return pem(listed.get()).map(pem -> new Owned(owner, pem));
        }
        if (keyId.equals(document.get("id")) && document.containsKey("publicKeyPem")) {
            // a key document: its owner must list the same key
            String owner = string(document.get("owner"))
                    .orElseThrow(() -> new SignatureException("The key " + keyId + " names no owner."));
            Map<String, Object> actor = documents.fetch(withoutFragment(owner));
            Optional<Map<String, Object>> confirmed = listedKey(actor, keyId);
            Optional<String> pem = pem(document);
            if (confirmed.isEmpty() || pem.isEmpty() || !pem.equals(pem(confirmed.get()))) {
                throw new SignatureException("The owner of " + keyId + " does not list that key.");
            }
            return Optional.of(new Owned(string(actor.get("id")).orElse(owner), pem.get()));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> listedKey(Map<String, Object> actor, String keyId) {
        Object publicKey = actor.get("publicKey");
        List<Object> keys = publicKey instanceof List<?> list ? new ArrayList<>(list) : publicKey == null
                ? List.of() : List.of(publicKey);
        for (Object k : keys) {
            if (k instanceof Map<?, ?> map && keyId.equals(map.get("id"))) {
                return Optional.of((Map<String, Object>) map);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> pem(Map<String, Object> key) {
        return string(key.get("publicKeyPem")).filter(p -> p.contains("BEGIN PUBLIC KEY"));
    }

    private static Optional<String> string(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    static URI withoutFragment(String id) throws SignatureException {
        try {
            URI uri = URI.create(id);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new SignatureException("Not an http(s) URL: " + id);
            }
            return new URI(uri.getScheme(), uri.getRawAuthority() == null ? null : uri.getAuthority(), uri.getPath(),
                    uri.getQuery(), null);
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            throw new SignatureException("Not a URL: " + id);
        }
    }

    static PublicKey parse(String pem) throws SignatureException {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SignatureException("The public key does not parse.");
        }
    }
}
