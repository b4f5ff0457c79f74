package org.atelier.plugin.api.web;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One route of a {@link WebExtension}.
 *
 * @param method  the HTTP method
 * @param path    the path pattern: literal segments and {@code {name}} parameters, for example
 *                {@code /jobs/{id}}
 * @param access  who may call it
 * @param handler what answers it
 */
public record Route(HttpMethod method, String path, Access access, WebHandler handler) {
    private static final Pattern PATH = Pattern.compile("(/([a-z0-9._~-]+|\\{[a-zA-Z][a-zA-Z0-9]*}))+|/");

    /**
     * Validates the components.
     *
     * @param method  the HTTP method
     * @param path    the path pattern
     * @param access  who may call it
     * @param handler what answers it
     */
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("invalid route path: " + path);
        }
    }

    /**
     * A GET route.
     *
     * @param path    the path pattern
     * @param access  who may call it
     * @param handler what answers it
     * @return the route
     */
    public static Route get(String path, Access access, WebHandler handler) {
        return new Route(HttpMethod.GET, path, access, handler);
    }

    /**
     * A POST route.
     *
     * @param path    the path pattern
     * @param access  who may call it
     * @param handler what answers it
     * @return the route
     */
    public static Route post(String path, Access access, WebHandler handler) {
        return new Route(HttpMethod.POST, path, access, handler);
    }
}
