package org.atelier.server.federation.signatures;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signs outgoing requests and verifies incoming ones with HTTP Signatures
 * (draft-cavage-http-signatures-12) as Mastodon and its peers use them.
 *
 * <p>Verification is strict where it matters and lenient where peers differ. The signing string is
 * rebuilt over exactly the headers the signer listed, in its order; the list must include
 * {@code (request-target)}, {@code host} and {@code date} — and {@code digest} for a request with a
 * body, whose digest must match the body received. {@code Date} must be within
 * {@link #MAX_AGE} in the past and {@link #MAX_SKEW} in the future. Algorithms {@code rsa-sha256}
 * and {@code hs2019} (what the key is: RSA, verified with SHA-256) are accepted; an absent
 * algorithm is read as {@code hs2019}. When the key known for a {@code keyId} does not verify, the
 * key is fetched again once (the actor may have rotated it). Thread-safe (stateless).
 */
public final class HttpSignatures {
    /** How old a request's Date may be: Mastodon's window, as deliveries are retried for days but signed anew. */
    public static final Duration MAX_AGE = Duration.ofHours(12);
    /** How far ahead a sender's clock may be. */
    public static final Duration MAX_SKEW = Duration.ofHours(1);
    /** Longest Signature header read. */
    static final int MAX_HEADER_CHARS = 8 * 1024;

    /** Where the key of a {@code keyId} comes from: a cache, else the actor's document. */
    @FunctionalInterface
    public interface KeyResolver {
        /**
         * The public key a keyId names.
         *
         * @param keyId   the keyId
         * @param refetch true to fetch it afresh, past any cache (the first one did not verify)
         * @return the key, empty when there is none
         * @throws SignatureException when it cannot be had (the actor does not answer, say)
         */
        Optional<PublicKey> publicKey(String keyId, boolean refetch) throws SignatureException;
    }

    /**
     * A verified signature.
     *
     * @param keyId   the key that signed
     * @param covered the headers it covered, in order
     */
    public record Verified(String keyId, List<String> covered) {
    }

    private HttpSignatures() {
    }

    /**
     * Signs a request: adds {@code Host}, {@code Date}, for a body {@code Digest}, and
     * {@code Signature} over {@code (request-target) host date [digest] [content-type]}.
     *
     * @param method  the method
     * @param target  the URL requested
     * @param headers the headers to send, to which the ones above are added
     * @param body    the body, when the request has one
     * @param keyId   the signing key's id ({@code <actor>#main-key})
     * @param key     the private key (RSA)
     * @param clock   the clock
     * @return the headers with the added ones, in the order to send them
     */
    public static Map<String, String> sign(String method, URI target, Map<String, String> headers,
                                           Optional<byte[]> body, String keyId, PrivateKey key, Clock clock) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.put("Host", target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort());
        out.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atZone(java.time.ZoneOffset.UTC)));
        body.ifPresent(bytes -> out.put("Digest", Digests.of(bytes)));
        List<String> covered = new ArrayList<>(List.of("(request-target)", "host", "date"));
        if (body.isPresent()) {
            covered.add("digest");
        }
        if (out.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("content-type"))) {
            covered.add("content-type");
        }
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        Map<String, List<String>> asSent = new LinkedHashMap<>();
        out.forEach((name, value) -> asSent.put(name, List.of(value)));
        SignedRequest request = SignedRequest.of(method, path.isEmpty() ? "/" : path, asSent, body);
        try {
            String signingString = signingString(request, covered, Map.of());
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(rsa.sign());
            out.put("Signature", "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\""
                    + String.join(" ", covered) + "\",signature=\"" + signature + "\"");
        } catch (GeneralSecurityException | SignatureException e) {
            throw new IllegalStateException("cannot sign with this key", e);
        }
        return out;
    }

    /**
     * Verifies a request's signature (and, when it has a body, its digest).
     *
     * @param request the request as received
     * @param keys    where keys come from
     * @param clock   the clock
     * @return who signed, and over what
     * @throws SignatureException with the reason, when anything does not hold
     */
    public static Verified verify(SignedRequest request, KeyResolver keys, Clock clock) throws SignatureException {
        String header = request.header("signature").orElseGet(() -> request.header("authorization")
                .filter(a -> a.regionMatches(true, 0, "Signature ", 0, 10)).map(a -> a.substring(10)).orElse(null));
        if (header == null) {
            throw new SignatureException("The request is not signed (no Signature header).");
        }
        if (header.length() > MAX_HEADER_CHARS) {
            throw new SignatureException("The Signature header is too long.");
        }
        Map<String, String> params = SignatureHeader.parse(header);
        String keyId = required(params, "keyId");
        String algorithm = params.getOrDefault("algorithm", "hs2019").toLowerCase(Locale.ROOT);
        if (!algorithm.equals("rsa-sha256") && !algorithm.equals("hs2019")) {
            throw new SignatureException("Unsupported signature algorithm " + algorithm + ".");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(required(params, "signature"));
        } catch (IllegalArgumentException e) {
            throw new SignatureException("The signature is not Base64.");
        }
        List<String> covered = Arrays.stream(params.getOrDefault("headers", "date").strip().split("\\s+"))
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        for (String needed : List.of("(request-target)", "host", "date")) {
            if (!covered.contains(needed)) {
                throw new SignatureException("The signature must cover " + needed + ".");
            }
        }
        if (request.body().isPresent()) {
            if (!covered.contains("digest")) {
                throw new SignatureException("The signature must cover the digest of the body.");
            }
            Digests.verify(request.header("digest").orElse(null), request.body().get());
        }
        checkDate(request.header("date").orElse(null), clock);
        if (covered.contains("(expires)")) {
            try {
                if (Long.parseLong(required(params, "expires")) < clock.instant().getEpochSecond()) {
                    throw new SignatureException("The signature has expired.");
                }
            } catch (NumberFormatException e) {
                throw new SignatureException("The signature's expires is not a number.");
            }
        }
        String signingString = signingString(request, covered, params);
        PublicKey key = keys.publicKey(keyId, false)
                .orElseThrow(() -> new SignatureException("No public key " + keyId + "."));
        if (!valid(key, signingString, signature)) {
            // the actor may have rotated its key since it was cached: fetch it once more
            Optional<PublicKey> fresh = keys.publicKey(keyId, true);
            if (fresh.isEmpty() || fresh.get().equals(key) || !valid(fresh.get(), signingString, signature)) {
                throw new SignatureException("The signature does not verify with the key " + keyId + ".");
            }
        }
        return new Verified(keyId, covered);
    }

    private static String required(Map<String, String> params, String name) throws SignatureException {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new SignatureException("The Signature header has no " + name + ".");
        }
        return value;
    }

    private static void checkDate(String date, Clock clock) throws SignatureException {
        if (date == null) {
            throw new SignatureException("The request has no Date header.");
        }
        Instant sent;
        try {
            sent = ZonedDateTime.parse(date.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new SignatureException("The Date header is not an HTTP date.");
        }
        Instant now = clock.instant();
        if (sent.isBefore(now.minus(MAX_AGE)) || sent.isAfter(now.plus(MAX_SKEW))) {
            throw new SignatureException("The Date header is too far from now (" + date.strip() + ").");
        }
    }

    /** The signing string over the covered headers, in their order (draft-cavage §2.3). */
    private static String signingString(SignedRequest request, List<String> covered, Map<String, String> params)
            throws SignatureException {
        StringBuilder s = new StringBuilder();
        for (String name : covered) {
            if (!s.isEmpty()) {
                s.append('\n');
            }
            String value = switch (name) {
                case "(request-target)" -> request.method().toLowerCase(Locale.ROOT) + " " + request.pathAndQuery();
                case "(created)", "(expires)" -> params.get(name.substring(1, name.length() - 1));
                default -> request.header(name).orElse(null);
            };
            if (value == null) {
                throw new SignatureException("The signature covers " + name + ", which the request does not carry.");
            }
            s.append(name).append(": ").append(value);
        }
        return s.toString();
    }

    private static boolean valid(PublicKey key, String signingString, byte[] signature) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
