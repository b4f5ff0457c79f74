package org.atelier.server.federation.dereferencing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A remote server's answer, read whole (within the body limit).
 *
 * @param uri     where the answer came from: the last URL after redirects (an object's id must
 *                be checked against it, not against the URL asked for)
 * @param status  the HTTP status code
 * @param headers the headers, names in lower case, values in the order received
 * @param body    the body; not copied, so callers must not change it
 */
public record OutboundResponse(URI uri, int status, Map<String, List<String>> headers, byte[] body) {
    /**
     * Validates the components.
     *
     * @param uri     final URL
     * @param status  status code
     * @param headers headers, lower-case names
     * @param body    body
     */
    public OutboundResponse {
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return its first value, if the header was sent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return true for a 2xx status */
    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
