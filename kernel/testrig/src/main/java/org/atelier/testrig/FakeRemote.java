package org.atelier.testrig;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A remote server for federation tests: a real HTTP server on 127.0.0.1 that answers what a test
 * tells it to, per exact path (404 otherwise), and records every request it was sent, so that a
 * test can prove what reached it, and that nothing did. Each request runs on its own virtual
 * thread, so a handler may hang or trickle without holding up the others.
 */
public final class FakeRemote implements AutoCloseable {
    /**
     * A request as the server received it.
     *
     * @param method  the method
     * @param target  the request target as sent (raw path and query)
     * @param headers the headers, names in lower case
     * @param body    the body
     */
    public record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {
        /**
         * The first value of a header.
         *
         * @param name the name, any case
         * @return the value, if sent
         */
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).map(values -> values.get(0));
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeRemote() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a server on a free port of 127.0.0.1.
     *
     * @return the running server
     */
    public static FakeRemote start() {
        return new FakeRemote();
    }

    /**
     * Answers a path with a handler of the test's own (to hang, trickle or misbehave).
     *
     * @param path    the exact path
     * @param handler the handler; the request body is already read
     * @return this server
     */
    public FakeRemote on(String path, HttpHandler handler) {
        handlers.put(path, handler);
        return this;
    }

    /**
     * Answers a path with a fixed response.
     *
     * @param path    the exact path
     * @param status  the status code
     * @param headers response headers
     * @param body    the body
     * @return this server
     */
    public FakeRemote answer(String path, int status, Map<String, String> headers, byte[] body) {
        return on(path, exchange -> {
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    /**
     * Answers a path with a redirect.
     *
     * @param path     the exact path
     * @param status   301, 302, 303, 307 or 308
     * @param location the {@code Location} header
     * @return this server
     */
    public FakeRemote redirect(String path, int status, String location) {
        return answer(path, status, Map.of("Location", location), new byte[0]);
    }

    /**
     * A URL on this server.
     *
     * @param path a path (and query) starting with {@code /}
     * @return {@code http://127.0.0.1:PORT/path}
     */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** @return the port */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return every request received so far, oldest first */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body));
        HttpHandler handler = handlers.get(exchange.getRequestURI().getPath());
        try {
            if (handler == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                handler.handle(exchange);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
