package org.atelier.server.federation.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP Signatures, both ways: what Atelier signs verifies; whatever the signer did not cover may
 * change and whatever it covered may not; the rules on required headers, digest, date window,
 * algorithms and a rotated key; and malformed headers refused cleanly.
 */
class HttpSignaturesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final URI INBOX = URI.create("https://atelier.example/users/paula/inbox");
    private static final String KEY_ID = "https://remote.example/users/ana#main-key";
    private static KeyPair ana;
    private static KeyPair other;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        ana = rsa.generateKeyPair();
        other = rsa.generateKeyPair();
    }

    @Test
    void whatAtelierSignsVerifies() throws Exception {
        byte[] body = "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = sign("POST", INBOX, body);
        assertTrue(signed.get("Signature").contains("headers=\"(request-target) host date digest content-type\""),
                signed.get("Signature"));
        HttpSignatures.Verified verified = HttpSignatures.verify(received("POST", "/users/paula/inbox", signed, body),
                keys(ana.getPublic()), CLOCK);
        assertEquals(KEY_ID, verified.keyId());
        assertEquals(List.of("(request-target)", "host", "date", "digest", "content-type"), verified.covered());

        // a GET (authorised fetch) has no body and no digest; the query is part of the target
        Map<String, String> get = HttpSignatures.sign("GET", URI.create("https://atelier.example/users/paula?page=2"),
                Map.of("Accept", "application/activity+json"), Optional.empty(), KEY_ID, ana.getPrivate(), CLOCK);
        HttpSignatures.verify(received("GET", "/users/paula?page=2", get, null), keys(ana.getPublic()), CLOCK);
        assertEquals("atelier.example", get.get("Host"));
        assertEquals("Wed, 25 Nov 2026 12:00:00 GMT", get.get("Date"));
    }

    @Test
    void onlyWhatTheSignerCoveredIsBound() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = sign("POST", INBOX, body);
        Map<String, String> extra = new LinkedHashMap<>(signed);
        extra.put("User-Agent", "changed on the way");
        HttpSignatures.verify(received("POST", "/users/paula/inbox", extra, body), keys(ana.getPublic()), CLOCK);

        for (String header : List.of("Host", "Date", "Content-Type")) {
            Map<String, String> tampered = new LinkedHashMap<>(signed);
            tampered.put(header, header.equals("Date") ? "Wed, 25 Nov 2026 11:59:00 GMT" : "x.example");
            refused(received("POST", "/users/paula/inbox", tampered, body), ana.getPublic(), "does not verify");
        }
        refused(received("POST", "/users/bruno/inbox", signed, body), ana.getPublic(), "does not verify");
        refused(received("PUT", "/users/paula/inbox", signed, body), ana.getPublic(), "does not verify");
        refused(received("POST", "/users/paula/inbox", signed, "{\"x\":1}".getBytes(StandardCharsets.UTF_8)),
                ana.getPublic(), "does not match its SHA-256 digest");
        Map<String, String> newDigest = new LinkedHashMap<>(signed);
        byte[] other = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
        newDigest.put("Digest", Digests.of(other));
        refused(received("POST", "/users/paula/inbox", newDigest, other), ana.getPublic(), "does not verify");
        refused(received("POST", "/users/paula/inbox", signed, body), HttpSignaturesTest.other.getPublic(),
                "does not verify");
    }

    @Test
    void theRequiredHeadersMustBeCovered() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = sign("POST", INBOX, body);
        for (String[] swap : List.of(new String[] {"(request-target) ", ""}, new String[] {" host", ""},
                new String[] {" date", ""}, new String[] {" digest", ""})) {
            Map<String, String> narrowed = new LinkedHashMap<>(signed);
            narrowed.put("Signature", signed.get("Signature").replace(swap[0], swap[1]));
            refused(received("POST", "/users/paula/inbox", narrowed, body), ana.getPublic(), "must cover");
        }
        Map<String, String> noDigest = new LinkedHashMap<>(signed);
        noDigest.remove("Digest");
        refused(received("POST", "/users/paula/inbox", noDigest, body), ana.getPublic(), "no Digest");
        Map<String, String> coversAbsent = new LinkedHashMap<>(signed);
        coversAbsent.put("Signature", signed.get("Signature").replace("content-type", "content-type accept"));
        refused(received("POST", "/users/paula/inbox", coversAbsent, body), ana.getPublic(), "does not carry");
        Map<String, String> unsigned = new LinkedHashMap<>(signed);
        unsigned.remove("Signature");
        refused(received("POST", "/users/paula/inbox", unsigned, body), ana.getPublic(), "not signed");
    }

    @Test
    void theDateMustBeRecent() throws Exception {
        for (Duration offset : List.of(HttpSignatures.MAX_AGE.plusMinutes(1).negated(),
                HttpSignatures.MAX_SKEW.plusMinutes(1))) {
            Map<String, String> signed = HttpSignatures.sign("GET", INBOX, Map.of(), Optional.empty(), KEY_ID,
                    ana.getPrivate(), Clock.fixed(NOW.plus(offset), ZoneOffset.UTC));
            refused(received("GET", "/users/paula/inbox", signed, null), ana.getPublic(), "too far from now");
        }
        Map<String, String> withinWindow = HttpSignatures.sign("GET", INBOX, Map.of(), Optional.empty(), KEY_ID,
                ana.getPrivate(), Clock.fixed(NOW.minus(Duration.ofHours(11)), ZoneOffset.UTC));
        HttpSignatures.verify(received("GET", "/users/paula/inbox", withinWindow, null), keys(ana.getPublic()), CLOCK);
        Map<String, String> garbage = new LinkedHashMap<>(withinWindow);
        garbage.put("Date", "yesterday");
        refused(received("GET", "/users/paula/inbox", garbage, null), ana.getPublic(), "not an HTTP date");
    }

    @Test
    void hs2019AndAnAbsentAlgorithmAreRsaWithSha256OthersAreRefused() throws Exception {
        Map<String, String> signed = HttpSignatures.sign("GET", INBOX, Map.of(), Optional.empty(), KEY_ID,
                ana.getPrivate(), CLOCK);
        for (String algorithm : List.of("algorithm=\"hs2019\",", "")) {
            Map<String, String> variant = new LinkedHashMap<>(signed);
            variant.put("Signature", signed.get("Signature").replace("algorithm=\"rsa-sha256\",", algorithm));
            HttpSignatures.verify(received("GET", "/users/paula/inbox", variant, null), keys(ana.getPublic()), CLOCK);
        }
        Map<String, String> hmac = new LinkedHashMap<>(signed);
        hmac.put("Signature", signed.get("Signature").replace("rsa-sha256", "hmac-sha256"));
        refused(received("GET", "/users/paula/inbox", hmac, null), ana.getPublic(), "Unsupported signature algorithm");
    }

    @Test
    void aRotatedKeyIsFetchedOnceMore() throws Exception {
        Map<String, String> signed = HttpSignatures.sign("GET", INBOX, Map.of(), Optional.empty(), KEY_ID,
                ana.getPrivate(), CLOCK);
        AtomicInteger refetches = new AtomicInteger();
        HttpSignatures.KeyResolver rotated = (keyId, refetch) -> {
            if (refetch) {
                refetches.incrementAndGet();
                return Optional.of(ana.getPublic());
            }
            return Optional.of(other.getPublic()); // the cached key, from before the rotation
        };
        HttpSignatures.verify(received("GET", "/users/paula/inbox", signed, null), rotated, CLOCK);
        assertEquals(1, refetches.get());

        AtomicInteger again = new AtomicInteger();
        HttpSignatures.KeyResolver wrong = (keyId, refetch) -> {
            again.incrementAndGet();
            return Optional.of(other.getPublic());
        };
        refused(received("GET", "/users/paula/inbox", signed, null), wrong, "does not verify");
        assertEquals(2, again.get(), "one look-up, one refetch, no more");
        refused(received("GET", "/users/paula/inbox", signed, null), (k, r) -> Optional.empty(), "No public key");
    }

    @Test
    void malformedSignatureHeadersAreRefusedCleanly() throws Exception {
        Map<String, String> signed = HttpSignatures.sign("GET", INBOX, Map.of(), Optional.empty(), KEY_ID,
                ana.getPrivate(), CLOCK);
        List<String> hostile = new ArrayList<>(List.of(
                "", "garbage", "keyId", "keyId=", "keyId=\"unterminated", "=\"x\"", "keyId=\"a\",keyId=\"b\"",
                "keyId=\"" + KEY_ID + "\",headers=\"(request-target) host date\",signature=\"not base64!\"",
                "headers=\"(request-target) host date\",signature=\"AAAA\"",
                "keyId=\"" + KEY_ID + "\",headers=\"(request-target) host date\"",
                "\u0000\u0001keyId=\"x\"",
                "keyId=\"" + "k".repeat(20_000) + "\""));
        for (String header : hostile) {
            Map<String, String> bad = new LinkedHashMap<>(signed);
            bad.put("Signature", header);
            SignatureException e = assertThrows(SignatureException.class, () -> HttpSignatures.verify(
                    received("GET", "/users/paula/inbox", bad, null), keys(ana.getPublic()), CLOCK), header);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        }
        // quoted values may hold commas and escaped quotes
        assertEquals(Map.of("keyId", "a,\"b\"", "created", "1618884473"),
                SignatureHeader.parse("keyId=\"a,\\\"b\\\"\", created=1618884473"));
    }

    @Test
    void digestsFollowRfc3230() throws Exception {
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        assertEquals("SHA-256=LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=", Digests.of(body));
        Digests.verify("MD5=abc, sha-256=LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=", body);
        assertThrows(SignatureException.class, () -> Digests.verify("MD5=XUFAKrxLKna5cZ2REBfFkg==", body));
        assertThrows(SignatureException.class, () -> Digests.verify("SHA-256=%%%", body));
        assertThrows(SignatureException.class, () -> Digests.verify(null, body));
    }

    private static Map<String, String> sign(String method, URI target, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/activity+json");
        return HttpSignatures.sign(method, target, headers, Optional.of(body), KEY_ID, ana.getPrivate(), CLOCK);
    }

    private static SignedRequest received(String method, String path, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> asReceived = new LinkedHashMap<>();
        headers.forEach((name, value) -> asReceived.put(name, List.of(value)));
        return SignedRequest.of(method, path, asReceived, Optional.ofNullable(body));
    }

    private static HttpSignatures.KeyResolver keys(PublicKey key) {
        return (keyId, refetch) -> keyId.equals(KEY_ID) ? Optional.of(key) : Optional.empty();
    }

    private static void refused(SignedRequest request, PublicKey key, String reason) {
        refused(request, keys(key), reason);
    }

    private static void refused(SignedRequest request, HttpSignatures.KeyResolver keys, String reason) {
        SignatureException e = assertThrows(SignatureException.class, () -> HttpSignatures.verify(request, keys, CLOCK));
        assertTrue(e.getMessage().contains(reason), e.getMessage() + " should say " + reason);
    }
}
