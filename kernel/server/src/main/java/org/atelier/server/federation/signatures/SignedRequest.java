package org.atelier.server.federation.signatures;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a signature covers of an HTTP request: its method, its path with the query as sent, its
 * headers (names matched without regard to case; a header sent several times keeps each value, in
 * order), and its body when it has one.
 *
 * @param method       the method
 * @param pathAndQuery the request target, e.g. {@code /users/paula/inbox}
 * @param headers      the headers by lower-case name
 * @param body         the body, for requests that carry one
 */
public record SignedRequest(String method, String pathAndQuery, Map<String, List<String>> headers,
                            Optional<byte[]> body) {

    /**
     * A request, its header names folded to lower case.
     *
     * @param method       the method
     * @param pathAndQuery the request target
     * @param headers      the headers as received
     * @param body         the body, for requests that carry one
     * @return the request
     */
    public static SignedRequest of(String method, String pathAndQuery, Map<String, List<String>> headers,
                                   Optional<byte[]> body) {
        Map<String, List<String>> folded = new TreeMap<>();
        headers.forEach((name, values) -> folded.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                n -> new java.util.ArrayList<>()).addAll(values));
        return new SignedRequest(method, pathAndQuery, Map.copyOf(folded), body);
    }

    /**
     * @param name a header name, lower case
     * @return its values joined as a signature covers them ({@code ", "}), if sent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty()
                : Optional.of(String.join(", ", values.stream().map(String::strip).toList()));
    }
}
