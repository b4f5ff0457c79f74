package org.atelier.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.Session;

/**
 * One HTTP exchange as the kernel's handlers see it: the Helidon request and response, the
 * visitor's session (if signed in), its CSRF token, and bounded body reading.
 */
public final class Exchange {
    /** The largest form or JSON body read by ordinary routes. */
    public static final int MAX_FORM_BYTES = 256 * 1024;

    private final ServerRequest request;
    private final ServerResponse response;
    private final Optional<Session> session;
    private final String csrfToken;
    private byte[] body;

    /**
     * Wraps an exchange.
     *
     * @param request   the request
     * @param response  the response
     * @param session   the visitor's session
     * @param csrfToken the token the visitor's forms carry
     */
    public Exchange(ServerRequest request, ServerResponse response, Optional<Session> session, String csrfToken) {
        this.request = request;
        this.response = response;
        this.session = session;
        this.csrfToken = csrfToken;
    }

    /** @return the Helidon request */
    public ServerRequest request() {
        return request;
    }

    /** @return the Helidon response */
    public ServerResponse response() {
        return response;
    }

    /** @return the visitor's session, if signed in */
    public Optional<Session> session() {
        return session;
    }

    /** @return the signed-in viewer, if any */
    public Optional<Viewer> viewer() {
        return session.map(s -> s.account().viewer());
    }

    /** @return the CSRF token this visitor's forms and API calls must carry */
    public String csrfToken() {
        return csrfToken;
    }

    /**
     * The request body, read once and bounded.
     *
     * @param maxBytes the largest body accepted
     * @return the bytes
     * @throws HttpError 413 when the body is larger
     */
    public byte[] body(int maxBytes) {
        if (body == null) {
            long declared = request.headers().contentLength().orElse(-1L);
            if (declared > maxBytes) {
                throw new HttpError(413, "The request is too large (at most " + maxBytes + " bytes).");
            }
            try (InputStream in = request.content().inputStream()) {
                byte[] read = in.readNBytes(maxBytes + 1);
                if (read.length > maxBytes) {
                    throw new HttpError(413, "The request is too large (at most " + maxBytes + " bytes).");
                }
                body = read;
            } catch (IOException e) {
                throw new HttpError(400, "The request body could not be read.");
            }
        }
        return body;
    }

    /**
     * The fields of a {@code application/x-www-form-urlencoded} body (first value of each).
     *
     * @return the fields; empty for other content types
     */
    public Map<String, String> form() {
        String type = request.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Map.of();
        }
        return parseUrlEncoded(new String(body(MAX_FORM_BYTES), StandardCharsets.UTF_8));
    }

    /**
     * Parses URL-encoded fields, keeping the first value of each name.
     *
     * @param text the encoded text
     * @return the fields
     */
    public static Map<String, String> parseUrlEncoded(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new HttpError(400, "The form is not correctly encoded.");
            }
        }
        return fields;
    }

    /**
     * A cookie sent by the client.
     *
     * @param name the cookie's name
     * @return its value
     */
    public Optional<String> cookie(String name) {
        return cookie(request, name);
    }

    /**
     * A cookie sent by the client.
     *
     * @param request the request
     * @param name    the cookie's name
     * @return its value
     */
    public static Optional<String> cookie(ServerRequest request, String name) {
        for (String header : request.headers().all(HeaderNames.COOKIE, List::of)) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                    // RFC 2965 clients (java.net.CookieManager) quote values and add $Path etc.
                    String value = part.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The client's address, for rate limiting.
     *
     * @return the remote address as text
     */
    public String clientAddress() {
        return request.remotePeer().host();
    }

    /**
     * Checks the CSRF token of a state-changing request: from the {@code X-CSRF-Token} header, or
     * the {@code _csrf} field of a form.
     *
     * @throws HttpError 403 when it is missing or wrong
     */
    public void requireCsrf() {
        requireCsrf(request.headers().first(HeaderNames.create("X-CSRF-Token"))
                .orElseGet(() -> form().getOrDefault("_csrf", "")));
    }

    /**
     * Checks a CSRF token found elsewhere (a multipart field).
     *
     * @param offered the token the request carried
     * @throws HttpError 403 when it is missing or wrong
     */
    public void requireCsrf(String offered) {
        if (offered.isEmpty() || !MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8),
                csrfToken.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpError(403, "The form expired or did not come from this site. Reload the page and try again.");
        }
    }

    /**
     * Sends bytes with a content type.
     *
     * @param status      the status
     * @param contentType the content type
     * @param bytes       the body
     */
    public void send(int status, String contentType, byte[] bytes) {
        response.status(Status.create(status));
        response.header(HeaderNames.CONTENT_TYPE, contentType);
        response.send(bytes);
    }

    /**
     * Redirects after a successful form post.
     *
     * @param location a path on this instance
     */
    public void seeOther(String location) {
        response.status(Status.SEE_OTHER_303);
        response.header(HeaderNames.LOCATION, location);
        response.send();
    }

    /**
     * A path parameter of the matched kernel route.
     *
     * @param name its name
     * @return its value
     */
    public String pathParam(String name) {
        return request.path().pathParameters().get(name);
    }

    /**
     * The signed-in viewer, or a 401 error.
     *
     * @return the viewer
     */
    public Viewer requireViewer() {
        return viewer().orElseThrow(() -> new HttpError(401, "Sign in first."));
    }

    /**
     * The signed-in admin, or a 401/403 error.
     *
     * @return the admin viewer
     */
    public Viewer requireAdmin() {
        Viewer viewer = requireViewer();
        if (viewer.role() != org.atelier.plugin.api.web.Role.ADMIN) {
            throw new HttpError(403, "Only admins can do that.");
        }
        return viewer;
    }

    /**
     * Sends a JSON value.
     *
     * @param status the status
     * @param value  the value
     */
    public void json(int status, Object value) {
        send(status, "application/json", Json.write(value));
    }

    /**
     * Whether the client prefers JSON (API clients) over HTML.
     *
     * @return true for API paths or an Accept header naming JSON first
     */
    public boolean wantsJson() {
        if (request.path().path().startsWith("/api/")) {
            return true;
        }
        String accept = request.headers().first(HeaderNames.ACCEPT).orElse("");
        return accept.startsWith("application/json");
    }
}
