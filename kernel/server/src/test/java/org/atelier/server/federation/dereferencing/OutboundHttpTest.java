package org.atelier.server.federation.dereferencing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.webclient.api.DnsAddressLookup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.atelier.server.federation.dereferencing.OutboundException.Reason;
import org.atelier.testrig.FakeRemote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbound client against real servers on 127.0.0.1: refused (and never connected) without
 * the allow-list, allowed with it; localhost, [::1] and odd numeric hosts refused; redirects
 * checked hop by hop, loops and long chains cut; bodies over the limit aborted while streaming;
 * servers that never answer, or answer a byte at a time, cut at the deadline; schemes other
 * than http(s) refused; the request target sent as written.
 */
class OutboundHttpTest {
    private static final AddressAllowList LOOPBACK = AddressAllowList.parse("127.0.0.1/32");
    private static final OutboundLimits SMALL = new OutboundLimits(Duration.ofSeconds(2), Duration.ofSeconds(1),
            1024, 3);

    private final FakeRemote remote = FakeRemote.start();

    @AfterEach
    void stop() {
        remote.close();
    }

    private static OutboundHttp client(AddressAllowList allowList) {
        return new OutboundHttp(allowList, SMALL, "Atelier-test");
    }

    private static OutboundException refused(Reason reason, Executable call) {
        OutboundException e = assertThrows(OutboundException.class, call);
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    /** Runs a refused call against a bare listening socket and proves nothing even connected. */
    private static void neverConnects(Reason reason, java.util.function.IntFunction<URI> url, AddressAllowList allowList)
            throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            refused(reason, () -> client(allowList).get(url.apply(listener.getLocalPort()), Map.of()));
            assertThrows(SocketTimeoutException.class, listener::accept, "the client connected");
        }
    }

    @Test
    void loopbackIsRefusedWithoutTheAllowListBeforeAnyConnection() throws IOException {
        remote.answer("/actor", 200, Map.of(), "{}".getBytes(UTF_8));
        OutboundException e = refused(Reason.REFUSED_ADDRESS, () -> client(AddressAllowList.NONE)
                .get(remote.uri("/actor"), Map.of()));
        assertTrue(e.getMessage().contains("127.0.0.1") && e.getMessage().contains("loopback"), e.getMessage());
        assertEquals(List.of(), remote.requests(), "the server saw a request");
        neverConnects(Reason.REFUSED_ADDRESS, port -> URI.create("http://127.0.0.1:" + port + "/"),
                AddressAllowList.NONE);
        refused(Reason.REFUSED_ADDRESS, () -> client(AddressAllowList.NONE).post(remote.uri("/inbox"), Map.of(),
                new byte[1]));
        assertEquals(List.of(), remote.requests());
    }

    @Test
    void theAllowListLetsRequestsThroughWithTheRealHostAndHeaders() {
        remote.answer("/users/paula", 200, Map.of("Content-Type", "application/activity+json", "X-Extra", "yes"),
                "{\"id\":1}".getBytes(UTF_8));
        remote.answer("/inbox", 202, Map.of(), new byte[0]);
        OutboundHttp http = client(LOOPBACK);

        OutboundResponse fetched = http.get(remote.uri("/users/paula"), Map.of("Accept", "application/activity+json"));
        assertEquals(200, fetched.status());
        assertEquals("{\"id\":1}", new String(fetched.body(), UTF_8));
        assertEquals("application/activity+json", fetched.header("content-type").orElseThrow());
        assertEquals("yes", fetched.header("X-EXTRA").orElseThrow());
        assertEquals(remote.uri("/users/paula"), fetched.uri());

        OutboundResponse delivered = http.post(remote.uri("/inbox"), Map.of("Content-Type", "application/activity+json"),
                "{\"type\":\"Follow\"}".getBytes(UTF_8));
        assertEquals(202, delivered.status());
        assertTrue(delivered.successful());

        FakeRemote.Request get = remote.requests().get(0);
        assertEquals("GET", get.method());
        assertEquals("127.0.0.1:" + remote.port(), get.header("host").orElseThrow());
        assertEquals("application/activity+json", get.header("accept").orElseThrow());
        assertEquals("Atelier-test", get.header("user-agent").orElseThrow());
        FakeRemote.Request post = remote.requests().get(1);
        assertEquals("POST", post.method());
        assertEquals("{\"type\":\"Follow\"}", new String(post.body(), UTF_8));
    }

    @Test
    void localhostIsRefused() throws IOException {
        refused(Reason.REFUSED_ADDRESS, () -> client(AddressAllowList.NONE)
                .get(URI.create("http://localhost:" + remote.port() + "/"), Map.of()));
        refused(Reason.REFUSED_ADDRESS, () -> client(AddressAllowList.NONE)
                .get(URI.create("http://LocalHost.:" + remote.port() + "/"), Map.of()));
        assertEquals(List.of(), remote.requests());
        neverConnects(Reason.REFUSED_ADDRESS, port -> URI.create("http://localhost:" + port + "/"),
                AddressAllowList.NONE);
    }

    @Test
    void ipv6LoopbackAndMappedFormsAreRefused() {
        for (String host : List.of("[::1]", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]",
                "[::127.0.0.1]", "[::]", "[fe80::1]", "[fd00::1]")) {
            OutboundException e = refused(Reason.REFUSED_ADDRESS, () -> client(LOOPBACK)
                    .get(URI.create("http://" + host + ":" + remote.port() + "/"), Map.of()));
            assertTrue(e.getMessage().contains("refused"), e.getMessage());
        }
        assertEquals(List.of(), remote.requests());
    }

    /** Forms the C library reads as 127.0.0.1: refused even with 127.0.0.1 allowed. */
    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0x7f000001", "0x7f.0.0.1", "0177.0.0.1", "127.1", "127.0.1",
            "017700000001", "127.000.000.001", "0x7f.1"})
    void oddNumericHostsAreRefused(String host) throws IOException {
        neverConnects(Reason.BAD_URL, port -> URI.create("http://" + host + ":" + port + "/"), LOOPBACK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/x", "file:///etc/passwd", "gopher://127.0.0.1:70/", "jar:file:/a.jar!/b",
            "javascript:alert(1)", "/relative/path", "mailto:a@example.org", "http:opaque", "http:///no-host",
            "http://user:secret@127.0.0.1/", "http://127.0.0.1:0/", "http://[::1%25lo]/", "http://exa_mple.org/",
            "HTTP://127.0.0.1:99999/"})
    void onlyHttpAndHttpsUrlsAreFetched(String url) {
        OutboundException e = refused(Reason.BAD_URL, () -> client(LOOPBACK).get(URI.create(url), Map.of()));
        assertTrue(e.getMessage().length() < 600, e.getMessage());
        refused(Reason.BAD_URL, () -> client(LOOPBACK).get(null, Map.of()));
    }

    @Test
    void redirectsAreFollowedAndEachHopIsChecked() {
        remote.redirect("/old", 301, "/middle");
        remote.redirect("/middle", 302, remote.uri("/actor").toString());
        remote.answer("/actor", 200, Map.of(), "found".getBytes(UTF_8));
        OutboundResponse response = client(LOOPBACK).get(remote.uri("/old"), Map.of("Accept", "text/plain"));
        assertEquals(200, response.status());
        assertEquals("found", new String(response.body(), UTF_8));
        assertEquals(remote.uri("/actor"), response.uri(), "the answer says where it came from");
        assertEquals(3, remote.requests().size());

        // from an allowed host to loopback outside the allow-list, the metadata service, [::1], file:
        for (String target : List.of("http://127.0.0.2:" + remote.port() + "/", "http://169.254.169.254/latest/",
                "http://[::1]:" + remote.port() + "/", "http://10.0.0.1/", "http://0.0.0.0:" + remote.port() + "/")) {
            remote.redirect("/away", 307, target);
            refused(Reason.REFUSED_ADDRESS, () -> client(LOOPBACK).get(remote.uri("/away"), Map.of()));
        }
        for (String target : List.of("file:///etc/passwd", "gopher://127.0.0.1/", "http://2130706433/", "http://[::1")) {
            remote.redirect("/away", 302, target);
            refused(Reason.BAD_URL, () -> client(LOOPBACK).get(remote.uri("/away"), Map.of()));
        }
        assertEquals(3 + 9, remote.requests().size(), "only the redirecting server was reached");
    }

    @Test
    void credentialsAreNotSentOnToAnotherOrigin() {
        remote.redirect("/here", 302, "/there");
        remote.redirect("/elsewhere", 302, "http://localhost:" + remote.port() + "/there");
        remote.answer("/there", 200, Map.of(), new byte[0]);
        OutboundHttp http = client(AddressAllowList.parse("127.0.0.1/32,localhost"));
        Map<String, String> signed = Map.of("Signature", "keyId=\"k\"", "Authorization", "Bearer t", "Accept", "a/b");

        http.get(remote.uri("/here"), signed);
        FakeRemote.Request sameOrigin = remote.requests().get(1);
        assertEquals("Bearer t", sameOrigin.header("authorization").orElseThrow());
        http.get(remote.uri("/elsewhere"), signed);
        FakeRemote.Request otherOrigin = remote.requests().get(3);
        assertEquals("localhost:" + remote.port(), otherOrigin.header("host").orElseThrow());
        assertTrue(otherOrigin.header("signature").isEmpty() && otherOrigin.header("authorization").isEmpty(),
                otherOrigin.headers().toString());
        assertEquals("a/b", otherOrigin.header("accept").orElseThrow());
    }

    @Test
    void redirectLoopsAndLongChainsAreCut() {
        remote.redirect("/loop", 302, "/loop");
        OutboundException loop = refused(Reason.TOO_MANY_REDIRECTS, () -> client(LOOPBACK)
                .get(remote.uri("/loop"), Map.of()));
        assertTrue(loop.getMessage().contains("loop"), loop.getMessage());
        assertEquals(1, remote.requests().size());

        for (int i = 0; i < 10; i++) {
            remote.redirect("/hop" + i, 308, "/hop" + (i + 1));
        }
        remote.answer("/hop10", 200, Map.of(), new byte[0]);
        refused(Reason.TOO_MANY_REDIRECTS, () -> client(LOOPBACK).get(remote.uri("/hop0"), Map.of()));
        assertEquals(1 + SMALL.maxRedirects() + 1, remote.requests().size(), "the limit's hops, then no more");
        remote.redirect("/hop2", 308, "/hop10");
        assertEquals(200, client(LOOPBACK).get(remote.uri("/hop0"), Map.of()).status(), "three redirects pass");
    }

    @Test
    void deliveriesAreNotRedirected() {
        remote.redirect("/inbox", 308, "/other-inbox");
        OutboundResponse response = client(LOOPBACK).post(remote.uri("/inbox"), Map.of(), "{}".getBytes(UTF_8));
        assertEquals(308, response.status());
        assertEquals("/other-inbox", response.header("location").orElseThrow());
        assertEquals(1, remote.requests().size());
    }

    @Test
    void aBodyOverTheLimitIsAbortedWhileStreaming() {
        remote.answer("/exact", 200, Map.of(), new byte[SMALL.maxBodyBytes()]);
        remote.answer("/declared", 200, Map.of(), new byte[SMALL.maxBodyBytes() + 1]);
        CompletableFuture<Long> sentBeforeHangUp = new CompletableFuture<>();
        remote.on("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length announced
            long sent = 0;
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] chunk = new byte[4096];
                while (sent < 1L << 30) {
                    out.write(chunk);
                    out.flush();
                    sent += chunk.length;
                }
            } catch (IOException hungUp) {
                sentBeforeHangUp.complete(sent);
                return;
            }
            sentBeforeHangUp.complete(-1L);
        });
        OutboundHttp http = client(LOOPBACK);
        assertEquals(SMALL.maxBodyBytes(), http.get(remote.uri("/exact"), Map.of()).body().length);
        OutboundException declared = refused(Reason.TOO_LARGE, () -> http.get(remote.uri("/declared"), Map.of()));
        assertTrue(declared.getMessage().contains("1025"), declared.getMessage());
        refused(Reason.TOO_LARGE, () -> http.get(remote.uri("/endless"), Map.of()));
        long sent = sentBeforeHangUp.orTimeout(10, TimeUnit.SECONDS).join();
        assertTrue(sent > 0 && sent < 64L << 20, "the client hung up early, after " + sent + " bytes");
        remote.answer("/media", 200, Map.of(), new byte[5000]);
        assertEquals(5000, http.get(remote.uri("/media"), Map.of(), 5000).body().length, "a caller may allow more");
    }

    @Test
    void aServerThatNeverAnswersHitsTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> afterDeadline = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = silent.accept(); InputStream in = socket.getInputStream()) {
                    socket.setSoTimeout(10_000);
                    while (in.read() >= 0) {
                        // reads the request, then waits for the client to give up and close
                    }
                    return -1;
                } catch (IOException e) {
                    return -2;
                }
            });
            assertPromptTimeout(() -> client(LOOPBACK).get(URI.create("http://127.0.0.1:" + silent.getLocalPort()
                    + "/"), Map.of()));
            assertEquals(-1, afterDeadline.get(10, TimeUnit.SECONDS), "the client closed the connection");
        }
    }

    @Test
    void aServerThatTricklesHitsTheWholeRequestDeadline() throws Exception {
        // each byte comes well within the read timeout: only the whole-request deadline stops it
        try (ServerSocket trickle = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket socket = trickle.accept(); OutputStream out = socket.getOutputStream()) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(UTF_8));
                    for (int i = 0; i < 1000; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client hung up: expected
                }
            });
            assertPromptTimeout(() -> client(LOOPBACK).get(URI.create("http://127.0.0.1:" + trickle.getLocalPort()
                    + "/"), Map.of()));
        }
    }

    private static void assertPromptTimeout(Executable call) {
        long started = System.nanoTime();
        refused(Reason.TIMEOUT, call);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(millis >= SMALL.requestTimeout().toMillis() - 50 && millis < SMALL.requestTimeout().toMillis() + 1500,
                "took " + millis + " ms");
        assertTrue(Reason.TIMEOUT.retryable() && !Reason.REFUSED_ADDRESS.retryable());
    }

    @Test
    void aRefusedConnectionIsAnIoFailure() throws IOException {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        refused(Reason.IO, () -> client(LOOPBACK).get(URI.create("http://127.0.0.1:" + closedPort + "/"), Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SSH-2.0-OpenSSH_9.2\r\n\r\n", "HTTP/1.1 200 OK\r\nX-Big: %s\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"})
    void anAnswerThatIsNotValidHttpIsAnIoFailure(String answer) throws IOException {
        try (ServerSocket odd = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket socket = odd.accept(); OutputStream out = socket.getOutputStream()) {
                    out.write(answer.formatted("x".repeat(100_000)).getBytes(UTF_8));
                    out.flush();
                    socket.getInputStream().read(); // until the client gives up
                } catch (IOException e) {
                    // the client hung up: expected
                }
            });
            OutboundException e = refused(Reason.IO, () -> client(LOOPBACK).get(URI.create("http://127.0.0.1:"
                    + odd.getLocalPort() + "/"), Map.of()));
            assertTrue(e.getMessage().length() < 2000, e.getMessage());
        }
    }

    @Test
    void theRequestTargetIsSentAsWritten() {
        for (String target : List.of("/users/a%2Fb/statuses/1", "/objects/%E2%9C%93?page=true&min_id=5",
                "/tags/caf%C3%A9?q=a+b")) {
            assertEquals(target, OutboundHttp.requestTarget(remote.uri(target)));
            client(LOOPBACK).get(remote.uri(target), Map.of());
            assertEquals(target, remote.requests().getLast().target());
        }
        assertEquals("/", OutboundHttp.requestTarget(URI.create("https://example.org")));
        assertEquals("/a", OutboundHttp.requestTarget(URI.create("https://example.org/a#main-key")),
                "fragments are never sent");
    }

    @Test
    void headersThatWouldBreakTheRequestAreRefused() {
        OutboundHttp http = client(LOOPBACK);
        URI uri = remote.uri("/x");
        assertThrows(IllegalArgumentException.class, () -> http.get(uri, Map.of("Host", "evil.example")));
        assertThrows(IllegalArgumentException.class, () -> http.get(uri, Map.of("X-A", "v\r\nHost: evil")));
        assertThrows(IllegalArgumentException.class, () -> http.get(uri, Map.of("Bad Name", "v")));
        assertThrows(IllegalArgumentException.class, () -> http.post(uri, Map.of("Content-Length", "1"), new byte[2]));
        assertEquals(List.of(), remote.requests());
    }

    @Test
    void theResolverKeepsTheHostNameForTls() {
        CheckedResolver resolver = new CheckedResolver(AddressAllowList.parse("localhost,127.0.0.1"));
        InetAddress named = resolver.resolveAddress("localhost", DnsAddressLookup.IPV4);
        assertEquals("localhost", named.getHostName(), "TLS sends and checks this name");
        assertEquals("127.0.0.1", named.getHostAddress());
        InetAddress literal = resolver.resolveAddress("127.0.0.1", DnsAddressLookup.IPV4);
        assertEquals("127.0.0.1", literal.getHostName(), "no reverse lookup of a literal");
        refused(Reason.REFUSED_ADDRESS, () -> new CheckedResolver(AddressAllowList.NONE)
                .resolveAddress("localhost", DnsAddressLookup.IPV4_PREFERRED));
        refused(Reason.REFUSED_ADDRESS, () -> resolver.resolveAddress("[::1]",
                DnsAddressLookup.IPV6_PREFERRED));
        assertEquals("localhost", new InetSocketAddress(named, 443).getHostName(),
                "the name the web client's TLS socket is created with");
    }
}
