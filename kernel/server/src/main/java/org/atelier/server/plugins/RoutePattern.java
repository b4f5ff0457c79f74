package org.atelier.server.plugins;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Matches request paths against extension route patterns such as {@code /jobs/{id}}: literal
 * segments must be equal, a {@code {name}} segment takes one non-empty segment.
 */
final class RoutePattern {
    private RoutePattern() {
    }

    static Optional<Map<String, String>> match(String pattern, String path) {
        String[] wanted = pattern.split("/", -1);
        String[] actual = path.split("/", -1);
        if (wanted.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < wanted.length; i++) {
            String w = wanted[i];
            if (w.startsWith("{") && w.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(w.substring(1, w.length() - 1), actual[i]);
            } else if (!w.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }
}
