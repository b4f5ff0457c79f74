package org.atelier.server.federation.dereferencing;

import io.helidon.common.uri.UriInfo;
import io.helidon.common.uri.UriPath;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.webclient.api.ClientUri;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.atelier.server.federation.dereferencing.OutboundException.Reason;

/**
 * The HTTP client of every federation request: fetching remote actors, objects and media, and
 * delivering activities. What it guarantees, whoever calls it:
 * <ul>
 *   <li>only http and https URLs ({@link OutboundUrls}); no proxy, no cookies;</li>
 *   <li>never a connection to a loopback, private, link-local or other special address unless
 *       the {@link AddressAllowList} names it, checked on the address the socket connects to
 *       ({@link CheckedResolver}), so also for every redirect and against DNS rebinding;</li>
 *   <li>{@link OutboundLimits}: a connect timeout, one deadline for the whole request including
 *       redirects and the body, a body limit read as a stream (never buffered past the limit),
 *       and a redirect limit;</li>
 *   <li>one exception type, {@link OutboundException}, whose reason says whether to retry.</li>
 * </ul>
 * GET follows redirects (301, 302, 303, 307, 308), dropping credentials when the origin changes;
 * POST does not, because a delivery's signature covers its target, so the caller sees the 3xx.
 * Thread-safe; one instance per kernel, its connections kept alive per host.
 */
public final class OutboundHttp {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Headers the client sets itself: a caller's value would contradict what is sent. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "transfer-encoding",
            "connection", "upgrade", "te", "trailer", "keep-alive", "proxy-connection");
    /** Headers that carry credentials, not sent on to another origin by a redirect. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "signature", "signature-input",
            "proxy-authorization");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final Http1Client client;
    private final OutboundLimits limits;

    /**
     * Creates the client.
     *
     * @param allowList special addresses and hosts the admin allows ({@link AddressAllowList#NONE} by default)
     * @param limits    time, size and redirect limits ({@link OutboundLimits#DEFAULTS})
     * @param userAgent the {@code User-Agent} sent with every request (servers refuse anonymous ones)
     */
    public OutboundHttp(AddressAllowList allowList, OutboundLimits limits, String userAgent) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.client = Http1Client.builder()
                .dnsResolver(new CheckedResolver(allowList))
                .proxy(Proxy.noProxy())
                .followRedirects(false) // followed here, so that each hop's URL is checked too
                .connectTimeout(limits.connectTimeout())
                // a socket read never outlives the deadline, even if the watchdog could not stop it
                .readTimeout(limits.requestTimeout())
                // this client's connections were all made through the checked resolver
                .shareConnectionCache(false)
                .addHeader(HeaderValues.create(HeaderNames.USER_AGENT, checkValue(userAgent)))
                .build();
    }

    /**
     * Fetches a URL with the default body limit.
     *
     * @param uri     the URL
     * @param headers request headers (e.g. {@code Accept}, {@code Signature})
     * @return the answer, after redirects
     * @throws OutboundException when refused or failed, with the reason
     */
    public OutboundResponse get(URI uri, Map<String, String> headers) {
        return get(uri, headers, limits.maxBodyBytes());
    }

    /**
     * Fetches a URL with a body limit of its own (media are larger than documents).
     *
     * @param uri          the URL
     * @param headers      request headers
     * @param maxBodyBytes the longest body accepted
     * @return the answer, after redirects
     * @throws OutboundException when refused or failed, with the reason
     */
    public OutboundResponse get(URI uri, Map<String, String> headers, int maxBodyBytes) {
        return run(Method.GET, uri, headers, null, maxBodyBytes);
    }

    /**
     * Posts a body (a delivery). Redirects are not followed: the caller gets the 3xx.
     *
     * @param uri     the URL
     * @param headers request headers (e.g. {@code Content-Type}, {@code Digest}, {@code Signature})
     * @param body    the body
     * @return the answer
     * @throws OutboundException when refused or failed, with the reason
     */
    public OutboundResponse post(URI uri, Map<String, String> headers, byte[] body) {
        return run(Method.POST, uri, headers, Objects.requireNonNull(body, "body"), limits.maxBodyBytes());
    }

    /**
     * The request target (path and query) sent on the request line for a URL, character for
     * character: an HTTP signature's {@code (request-target)} must be computed from this.
     *
     * @param uri an http(s) URL
     * @return e.g. {@code /users/paula/inbox}
     * @throws OutboundException {@link Reason#BAD_URL} for a URL that would not be sent
     */
    public static String requestTarget(URI uri) {
        return clientUri(OutboundUrls.check(uri)).pathWithQueryAndFragment();
    }

    private OutboundResponse run(Method method, URI uri, Map<String, String> headers, byte[] body, int maxBodyBytes) {
        URI first = OutboundUrls.check(uri);
        Map<String, String> checked = checkHeaders(headers);
        // the whole request runs on its own virtual thread, so the deadline holds whatever it waits
        // on (DNS, connect, a server sending one byte a second): interrupting a virtual thread
        // blocked on a socket closes the socket
        FutureTask<OutboundResponse> task = new FutureTask<>(() -> follow(method, first, checked, body, maxBodyBytes));
        Thread.ofVirtual().name("outbound " + first.getHost()).start(task);
        try {
            return task.get(limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new OutboundException(Reason.TIMEOUT, method.text() + " " + shown(first) + " took longer than "
                    + limits.requestTimeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new OutboundException(Reason.IO, method.text() + " " + shown(first) + " was interrupted", e);
        } catch (ExecutionException e) {
            throw failure(method, first, e.getCause());
        }
    }

    private OutboundResponse follow(Method method, URI first, Map<String, String> headers, byte[] body,
                                    int maxBodyBytes) {
        Set<URI> visited = new HashSet<>(List.of(first));
        URI current = first;
        Map<String, String> hopHeaders = headers;
        for (int redirects = 0; ; redirects++) {
            try (Http1ClientResponse response = send(method, current, hopHeaders, body)) {
                int status = response.status().code();
                var location = response.headers().first(HeaderNames.LOCATION);
                if (method != Method.GET || !REDIRECTS.contains(status) || location.isEmpty()) {
                    return new OutboundResponse(current, status, headers(response), read(response, current,
                            maxBodyBytes));
                }
                if (redirects == limits.maxRedirects()) {
                    throw new OutboundException(Reason.TOO_MANY_REDIRECTS, shown(first) + " redirected more than "
                            + limits.maxRedirects() + " times");
                }
                URI next = OutboundUrls.redirect(current, location.get());
                if (!visited.add(next)) {
                    throw new OutboundException(Reason.TOO_MANY_REDIRECTS, shown(first)
                            + " redirects in a loop through " + shown(next));
                }
                if (!OutboundUrls.sameOrigin(current, next)) {
                    hopHeaders = withoutCredentials(hopHeaders);
                }
                current = next;
            }
        }
    }

    private Http1ClientResponse send(Method method, URI uri, Map<String, String> headers, byte[] body) {
        Http1ClientRequest request = client.method(method).uri(clientUri(uri));
        headers.forEach((name, value) -> request.header(HeaderNames.create(name), value));
        return body == null ? request.request() : request.submit(body);
    }

    /**
     * The URL as the web client takes it, with path and query kept as written. Given a
     * {@code java.net.URI}, the client decodes and re-encodes the path ({@code %2F} becomes
     * {@code /}) and regroups the query by parameter name, in no particular order: the server
     * would be asked for another URL than the one given, and a signature computed over the given
     * one would not match. The raw query rides along with the raw path, which is sent as it is.
     */
    private static ClientUri clientUri(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return ClientUri.create(UriInfo.builder()
                .scheme(uri.getScheme().toLowerCase(Locale.ROOT))
                .host(uri.getHost())
                .port(uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80)
                .path(UriPath.create(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery()))
                .build());
    }

    /** Reads the body as a stream, stopping as soon as it is longer than the limit. */
    private static byte[] read(Http1ClientResponse response, URI uri, int maxBodyBytes) {
        long declared = response.headers().contentLength().orElse(-1);
        if (declared > maxBodyBytes) {
            throw tooLarge(uri, "declares " + declared + " bytes", maxBodyBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(declared >= 0 ? declared : 8192,
                maxBodyBytes));
        byte[] buffer = new byte[8192];
        try (InputStream in = response.entity().inputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + (long) n > maxBodyBytes) {
                    throw tooLarge(uri, "sent more than that", maxBodyBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static OutboundException tooLarge(URI uri, String what, int maxBodyBytes) {
        return new OutboundException(Reason.TOO_LARGE, "the answer from " + shown(uri) + " is over the limit of "
                + maxBodyBytes + " bytes: it " + what);
    }

    private static Map<String, List<String>> headers(Http1ClientResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.headers()) {
            headers.computeIfAbsent(header.name().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .addAll(header.allValues());
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return headers;
    }

    /** The exception a caller sees for whatever ended the request on its thread. */
    private static OutboundException failure(Method method, URI uri, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof OutboundException outbound) {
                return outbound;
            }
            if (t instanceof SocketTimeoutException) {
                return new OutboundException(Reason.TIMEOUT, method.text() + " " + shown(uri) + " timed out: "
                        + t.getMessage(), cause);
            }
        }
        if (cause instanceof Error error) {
            throw error;
        }
        // connection refused or reset, TLS failures, and answers that are not valid HTTP/1.1
        return new OutboundException(Reason.IO, method.text() + " " + shown(uri) + " failed: " + cause, cause);
    }

    private static String shown(URI uri) {
        return OutboundUrls.shorten(uri.toString());
    }

    private static Map<String, String> checkHeaders(Map<String, String> headers) {
        Map<String, String> checked = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name == null || !TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("not a header name: " + name);
            }
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the client sets " + name + " itself");
            }
            checked.put(name, checkValue(value));
        });
        return checked;
    }

    /** A line break in a value would start another header: values come from remote documents too. */
    private static String checkValue(String value) {
        if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("a header value must not be null or hold line breaks");
        }
        return value;
    }

    private static Map<String, String> withoutCredentials(Map<String, String> headers) {
        Map<String, String> kept = new LinkedHashMap<>(headers);
        kept.keySet().removeIf(name -> CREDENTIALS.contains(name.toLowerCase(Locale.ROOT)));
        return kept;
    }
}
