package org.atelier.server.federation.signatures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.atelier.server.http.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Atelier's HTTP Signatures against an independent implementation, joyent's {@code http-signature}
 * for Node (src/test/node/signatures), both ways: it verifies what Atelier signs, and Atelier
 * verifies what it signs; each side also refuses a tampered request, so agreement is not
 * agreement to accept anything.
 */
class SignatureInteropTest {
    private static final Path PEER = Path.of("src/test/node/signatures");
    private static final String KEY_ID = "https://remote.example/users/ana#main-key";
    private static KeyPair keys;

    @BeforeAll
    static void setUp() throws Exception {
        if (!Files.isDirectory(PEER.resolve("node_modules/http-signature"))) {
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(PEER.toFile())
                    .redirectErrorStream(true).start();
            String log = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(install.waitFor(120, TimeUnit.SECONDS) && install.exitValue() == 0, "npm ci: " + log);
        }
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        keys = rsa.generateKeyPair();
    }

    @Test
    void thePeerVerifiesWhatAtelierSigns() throws Exception {
        byte[] body = "{\"type\":\"Follow\",\"actor\":\"https://atelier.example/users/paula\"}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> post = HttpSignatures.sign("POST", URI.create("https://remote.example/users/ana/inbox"),
                Map.of("Content-Type", "application/activity+json"), Optional.of(body), KEY_ID, keys.getPrivate(),
                Clock.systemUTC());
        assertEquals(Map.of("ok", true), verifiedByPeer("POST", "/users/ana/inbox", post));

        Map<String, String> get = HttpSignatures.sign("GET", URI.create("https://remote.example/users/ana?page=1"),
                Map.of("Accept", "application/activity+json"), Optional.empty(), KEY_ID, keys.getPrivate(),
                Clock.systemUTC());
        assertEquals(Map.of("ok", true), verifiedByPeer("GET", "/users/ana?page=1", get));

        Map<String, String> tampered = new LinkedHashMap<>(post);
        tampered.put("Digest", Digests.of("{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(false, verifiedByPeer("POST", "/users/ana/inbox", tampered).get("ok"));
        assertEquals(false, verifiedByPeer("POST", "/users/bruno/inbox", post).get("ok"));
    }

    @Test
    void atelierVerifiesWhatThePeerSigns() throws Exception {
        byte[] body = "{\"type\":\"Like\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "atelier.example");
        headers.put("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.ZonedDateTime.now(ZoneOffset.UTC)));
        headers.put("Digest", Digests.of(body));
        headers.put("Content-Type", "application/activity+json");
        Map<String, String> signed = signedByPeer("POST", "/users/paula/inbox", headers);
        assertTrue(signed.containsKey("signature"), signed.toString());

        HttpSignatures.KeyResolver resolver = (keyId, refetch) ->
                keyId.equals(KEY_ID) ? Optional.of(keys.getPublic()) : Optional.empty();
        HttpSignatures.Verified verified = HttpSignatures.verify(request("/users/paula/inbox", signed, body), resolver,
                Clock.systemUTC());
        assertEquals(List.of("(request-target)", "host", "date", "digest"), verified.covered());

        assertThrows(SignatureException.class, () -> HttpSignatures.verify(
                request("/users/bruno/inbox", signed, body), resolver, Clock.systemUTC()));
        assertThrows(SignatureException.class, () -> HttpSignatures.verify(
                request("/users/paula/inbox", signed, "{\"type\":\"Undo\"}".getBytes(StandardCharsets.UTF_8)),
                resolver, Clock.systemUTC()));
    }

    private static SignedRequest request(String path, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> received = new LinkedHashMap<>();
        headers.forEach((name, value) -> received.put(name, List.of(value)));
        return SignedRequest.of("POST", path, received, Optional.of(body));
    }

    private static Map<String, Object> verifiedByPeer(String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        Map<String, Object> answer = peer("verify", Map.of("method", method, "path", path, "headers", headers,
                "publicKeyPem", pem("PUBLIC KEY", keys.getPublic().getEncoded())));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", answer.get("ok"));
        if (!Boolean.TRUE.equals(answer.get("ok"))) {
            assertFalse(String.valueOf(answer.get("error")).isBlank());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> signedByPeer(String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        Map<String, Object> answer = peer("sign", Map.of("method", method, "path", path, "headers", headers,
                "privateKeyPem", pem("PRIVATE KEY", keys.getPrivate().getEncoded()), "keyId", KEY_ID));
        assertTrue(answer.containsKey("headers"), answer.toString());
        return (Map<String, String>) answer.get("headers");
    }

    private static Map<String, Object> peer(String command, Map<String, Object> input)
            throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", "peer.js", command).directory(PEER.toFile()).start();
        node.getOutputStream().write(Json.write(input));
        node.getOutputStream().close();
        byte[] out = node.getInputStream().readAllBytes();
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0, "node peer.js " + command + ": " + err);
        return Json.readObject(out).orElseThrow(() -> new AssertionError("not JSON: " + new String(out,
                StandardCharsets.UTF_8)));
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
