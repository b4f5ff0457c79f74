package org.atelier.testrig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves like one browser: it keeps cookies, does not follow redirects (tests
 * look at them), and fetches the CSRF token the server expects before state-changing calls.
 */
public final class BrowserClient {
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    /**
     * Creates a client for one server.
     *
     * @param base the server's base URI, such as {@code http://127.0.0.1:PORT}
     */
    public BrowserClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** @return the server's base URI */
    public URI base() {
        return base;
    }

    /**
     * The CSRF token the server expects from this client now (it changes when signing in).
     *
     * @return the token
     */
    public String csrf() {
        HttpResponse<String> response = get("/api/v1/csrf");
        Matcher m = TOKEN.matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in " + response.body());
        }
        return m.group(1);
    }

    /**
     * A GET.
     *
     * @param path the path and query
     * @return the response
     */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /**
     * A form POST with this client's CSRF token added as {@code _csrf}.
     *
     * @param path   the path
     * @param fields the fields
     * @return the response
     */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.putIfAbsent("_csrf", csrf());
        return postFormRaw(path, withToken);
    }

    /**
     * A form POST exactly as given (no token added).
     *
     * @param path   the path
     * @param fields the fields
     * @return the response
     */
    public HttpResponse<String> postFormRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A JSON request with this client's CSRF token in {@code X-CSRF-Token}.
     *
     * @param method the method
     * @param path   the path
     * @param json   the JSON body
     * @return the response
     */
    public HttpResponse<String> json(String method, String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-Token", csrf())
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * A request with a raw body and this client's CSRF token.
     *
     * @param method      the method
     * @param path        the path
     * @param contentType the content type
     * @param body        the body
     * @return the response
     */
    public HttpResponse<String> raw(String method, String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .header("X-CSRF-Token", csrf())
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * Sends any request with this client's cookies.
     *
     * @param builder the request
     * @return the response
     */
    public HttpResponse<String> send(HttpRequest.Builder builder) {
        return send(builder, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends any request with this client's cookies, reading the body as the handler says (bytes
     * for images).
     *
     * @param builder the request
     * @param body    how to read the body
     * @param <T>     the body type
     * @return the response
     */
    public <T> HttpResponse<T> send(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(builder.timeout(Duration.ofSeconds(60)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A cookie this client holds.
     *
     * @param name its name
     * @return its value
     */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }
}
