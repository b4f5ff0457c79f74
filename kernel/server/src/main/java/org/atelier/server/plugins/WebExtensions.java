package org.atelier.server.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.Migration;
import org.atelier.plugin.api.web.NavEntry;
import org.atelier.plugin.api.web.Route;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.plugin.api.web.WebExtension;

/**
 * The web extensions ready to serve. When an extension appears, the kernel reads what it
 * contributes — its id, routes and navigation entries, each through the guarded call gate — checks
 * it (a valid id not used by another extension, no route under the kernel's reserved prefixes) and
 * runs its migrations; only then are its routes served, from that snapshot, so a request never
 * waits on the plugin to learn its routes. An extension that fails any of this is left out, and
 * the reason is reported to the admin as the plugin's problem, rather than served against a wrong
 * schema. Thread-safe.
 */
public final class WebExtensions implements ExtensionRegistry.Listener {
    private static final Logger LOG = Logger.getLogger(WebExtensions.class.getName());

    /** Paths that belong to the kernel; no extension route may live under them. */
    public static final List<String> RESERVED_PREFIXES = List.of("/api/v1/admin", "/admin", "/static", "/.well-known");

    /**
     * A route matched to a request.
     *
     * @param extension  the extension serving it
     * @param id         the extension's id, as read when it appeared
     * @param bundle     the plugin it came from
     * @param route      the route
     * @param pathParams the values of the pattern's parameters
     */
    public record Match(WebExtension extension, String id, String bundle, Route route, Map<String, String> pathParams) {
    }

    /** A ready extension and what it contributes. */
    private record Ready(ExtensionRegistry.Tracked<WebExtension> tracked, String id, List<Route> routes,
                         List<NavEntry> navigation) {
    }

    private final PluginMigrations migrations;
    private final PluginCalls calls;
    private final Map<Long, Ready> ready = new ConcurrentHashMap<>();
    private final Object adding = new Object();

    /**
     * Creates the set.
     *
     * @param migrations runs plugin migrations
     * @param calls      the guarded plugin-call gate
     */
    public WebExtensions(PluginMigrations migrations, PluginCalls calls) {
        this.migrations = migrations;
        this.calls = calls;
    }

    /**
     * Makes a new extension ready, or refuses it.
     *
     * @throws InvalidPluginException why it is not served, for the admin
     */
    @Override
    @SuppressWarnings("unchecked")
    public void added(ExtensionPoint point, ExtensionRegistry.Tracked<?> tracked) {
        if (point != ExtensionPoint.WEB_EXTENSION) {
            return;
        }
        ExtensionRegistry.Tracked<WebExtension> extension = (ExtensionRegistry.Tracked<WebExtension>) tracked;
        WebExtension service = extension.service();
        String bundle = extension.bundle();
        try {
            String id = read(bundle, "id", service::id);
            PluginMigrations.prefix(id);
            List<Route> routes = List.copyOf(read(bundle, "routes", service::routes));
            for (Route route : routes) {
                for (String reserved : RESERVED_PREFIXES) {
                    if (route.path().equals(reserved) || route.path().startsWith(reserved + "/")) {
                        throw new InvalidPluginException("its route " + route.method() + " " + route.path()
                                + " is under " + reserved + ", which belongs to the kernel");
                    }
                }
            }
            List<NavEntry> navigation = List.copyOf(read(bundle, "navigation", service::navigation));
            List<Migration> pending = List.copyOf(read(bundle, "migrations", service::migrations));
            synchronized (adding) {
                for (Ready other : ready.values()) {
                    if (other.id().equals(id)) {
                        throw new InvalidPluginException("the web extension id '" + id + "' is already used by "
                                + other.tracked().bundle());
                    }
                }
                try {
                    migrations.migrate(id, pending);
                } catch (InvalidPluginException e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "the migrations of " + bundle + " failed", e);
                    throw new InvalidPluginException("its migrations failed: " + describe(e));
                }
                ready.put(extension.serviceId(), new Ready(extension, id, routes, navigation));
            }
        } catch (InvalidPluginException | PluginCallException e) {
            LOG.warning(() -> "web extension from " + bundle + " is not served: " + e.getMessage());
            throw new InvalidPluginException("its web extension is not served: " + e.getMessage());
        } catch (RuntimeException e) {
            // a null list, a null element: the extension broke its contract
            LOG.log(Level.WARNING, "web extension from " + bundle + " is not served", e);
            throw new InvalidPluginException("its web extension is not served: what it contributes could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Reads one thing an extension contributes, through the call gate; null is a broken contract. */
    private <T> T read(String bundle, String what, java.util.concurrent.Callable<T> call) {
        T value = calls.call(bundle + "/" + what, call);
        if (value == null) {
            throw new InvalidPluginException("its " + what + "() answered null");
        }
        return value;
    }

    @Override
    public void removed(ExtensionPoint point, ExtensionRegistry.Tracked<?> tracked) {
        ready.remove(tracked.serviceId());
    }

    /**
     * Finds the route answering a request, among the extensions ready now.
     *
     * @param method the request method
     * @param path   the request path
     * @return the match, if any ready extension has such a route
     */
    public Optional<Match> match(String method, String path) {
        for (Ready extension : sorted()) {
            for (Route route : extension.routes()) {
                if (!route.method().name().equals(method)) {
                    continue;
                }
                Optional<Map<String, String>> params = RoutePattern.match(route.path(), path);
                if (params.isPresent()) {
                    return Optional.of(new Match(extension.tracked().service(), extension.id(),
                            extension.tracked().bundle(), route, params.get()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The navigation entries of ready extensions a viewer may see.
     *
     * @param viewer the viewer, if signed in
     * @return the entries
     */
    public List<NavEntry> navigation(Optional<Viewer> viewer) {
        List<NavEntry> entries = new ArrayList<>();
        for (Ready extension : sorted()) {
            for (NavEntry entry : extension.navigation()) {
                if (entry.access() == Access.PUBLIC || viewer.map(v -> v.may(entry.access())).orElse(false)) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    private List<Ready> sorted() {
        List<Ready> list = new ArrayList<>(ready.values());
        list.sort(Comparator.comparingLong(r -> r.tracked().serviceId()));
        return list;
    }

    /** The first line of a failure and of its root cause, for the admin. */
    private static String describe(RuntimeException e) {
        String first = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String detail = cause == null ? "" : " (" + String.valueOf(cause.getMessage()).strip().lines().findFirst().orElse("") + ")";
        String text = first + detail;
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
