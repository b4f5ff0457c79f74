package org.atelier.server.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import java.util.function.Predicate;

/**
 * Registers kernel routes on Helidon's routing, each wrapped so that it gets a prepared
 * {@link Exchange}, state-changing requests have their CSRF token checked first, and whatever it
 * throws becomes a clean error response.
 */
public final class Router {
    private final HttpRouting.Builder routing;
    private final Sessions sessions;
    private final ErrorResponses errors;

    /**
     * Creates the router.
     *
     * @param routing  Helidon's routing builder
     * @param sessions session and CSRF cookies
     * @param errors   the error responder
     */
    public Router(HttpRouting.Builder routing, Sessions sessions, ErrorResponses errors) {
        this.routing = routing;
        this.sessions = sessions;
        this.errors = errors;
    }

    /**
     * A GET route.
     *
     * @param path  the path pattern
     * @param route the handler
     * @return this router
     */
    public Router get(String path, KernelRoute route) {
        return on(Method.GET, path, route, false);
    }

    /**
     * A GET route for some requests only — those an ActivityPub client makes to a page's URL, say:
     * the others go on to the next route of the path (register this one first).
     *
     * @param path   the path pattern
     * @param wanted which requests this route answers
     * @param route  the handler
     * @return this router
     */
    public Router getWhen(String path, Predicate<ServerRequest> wanted, KernelRoute route) {
        Handler handler = wrap(route, false);
        routing.route(Method.GET, path, (request, response) -> {
            if (wanted.test(request)) {
                handler.handle(request, response);
            } else {
                response.next();
            }
        });
        return this;
    }

    /**
     * A POST route whose CSRF token is checked before the handler runs.
     *
     * @param path  the path pattern
     * @param route the handler
     * @return this router
     */
    public Router post(String path, KernelRoute route) {
        return on(Method.POST, path, route, true);
    }

    /**
     * A POST route for other servers (ActivityPub deliveries): no session or CSRF token is
     * involved — the handler verifies the request's HTTP signature instead.
     *
     * @param path  the path pattern
     * @param route the handler
     * @return this router
     */
    public Router postFromPeers(String path, KernelRoute route) {
        return on(Method.POST, path, route, false);
    }

    /**
     * A POST route carrying a multipart upload: the handler checks the CSRF token itself, from the
     * header or the upload's {@code _csrf} field.
     *
     * @param path  the path pattern
     * @param route the handler
     * @return this router
     */
    public Router upload(String path, KernelRoute route) {
        return on(Method.POST, path, route, false);
    }

    /**
     * A PUT route, CSRF-checked.
     *
     * @param path  the path pattern
     * @param route the handler
     * @return this router
     */
    public Router put(String path, KernelRoute route) {
        return on(Method.PUT, path, route, true);
    }

    /**
     * A PATCH route, CSRF-checked.
     *
     * @param path  the path pattern
     * @param route the handler
     * @return this router
     */
    public Router patch(String path, KernelRoute route) {
        return on(Method.PATCH, path, route, true);
    }

    /**
     * A DELETE route, CSRF-checked.
     *
     * @param path  the path pattern
     * @param route the handler
     * @return this router
     */
    public Router delete(String path, KernelRoute route) {
        return on(Method.DELETE, path, route, true);
    }

    /**
     * The fallback for every method and path no kernel route took.
     *
     * @param route the handler (the extension dispatcher, which checks CSRF per plugin route)
     * @return this router
     */
    public Router fallback(KernelRoute route) {
        Handler dispatch = wrap(route, false);
        routing.any((request, response) -> {
            String path = request.path().path();
            // the observability endpoints are routed by Helidon's observe feature, after ours
            if (path.equals("/health") || path.startsWith("/health/") || path.equals("/metrics")
                    || path.startsWith("/metrics/")) {
                response.next();
            } else {
                dispatch.handle(request, response);
            }
        });
        return this;
    }

    private Router on(Method method, String path, KernelRoute route, boolean checkCsrf) {
        routing.route(method, path, wrap(route, checkCsrf));
        return this;
    }

    private Handler wrap(KernelRoute route, boolean changesState) {
        return (request, response) -> {
            Exchange exchange = sessions.exchange(request, response);
            try {
                if (changesState) {
                    exchange.requireCsrf();
                }
                route.handle(exchange);
            } catch (Throwable error) {
                errors.send(exchange, error);
            }
        };
    }
}
