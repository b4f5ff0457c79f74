package org.atelier.server.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.atelier.plugin.api.web.NavEntry;
import org.atelier.plugin.api.web.Route;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.plugin.api.web.WebExtension;

/**
 * The web extensions ready to serve: each one's migrations have run. When an extension appears
 * its migrations run before any of its routes is served; an extension whose migrations fail is
 * left out (and logged) rather than served against a wrong schema. Thread-safe.
 */
public final class WebExtensions implements ExtensionRegistry.Listener {
    private static final Logger LOG = Logger.getLogger(WebExtensions.class.getName());

    /**
     * A route matched to a request.
     *
     * @param extension  the extension serving it
     * @param bundle     the plugin it came from
     * @param route      the route
     * @param pathParams the values of the pattern's parameters
     */
    public record Match(WebExtension extension, String bundle, Route route, Map<String, String> pathParams) {
    }

    private final PluginMigrations migrations;
    private final PluginCalls calls;
    private final Map<Long, ExtensionRegistry.Tracked<WebExtension>> ready = new ConcurrentHashMap<>();

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

    @Override
    @SuppressWarnings("unchecked")
    public void added(ExtensionPoint point, ExtensionRegistry.Tracked<?> tracked) {
        if (point != ExtensionPoint.WEB_EXTENSION) {
            return;
        }
        ExtensionRegistry.Tracked<WebExtension> extension = (ExtensionRegistry.Tracked<WebExtension>) tracked;
        try {
            String id = calls.call(extension.bundle() + "/id", () -> extension.service().id());
            migrations.migrate(id, calls.call(extension.bundle() + "/migrations", () -> extension.service().migrations()));
            ready.put(extension.serviceId(), extension);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "web extension from " + extension.bundle() + " is not served: its migrations failed", e);
        }
    }

    @Override
    public void removed(ExtensionPoint point, ExtensionRegistry.Tracked<?> tracked) {
        ready.remove(tracked.serviceId());
    }

    /**
     * Finds the route answering a request, looked up afresh on every request.
     *
     * @param method the request method
     * @param path   the request path
     * @return the match, if any ready extension has such a route
     */
    public Optional<Match> match(String method, String path) {
        for (ExtensionRegistry.Tracked<WebExtension> extension : sorted()) {
            List<Route> routes;
            try {
                routes = calls.call(extension.bundle() + "/routes", () -> extension.service().routes());
            } catch (PluginCallException e) {
                continue;
            }
            for (Route route : routes) {
                if (!route.method().name().equals(method)) {
                    continue;
                }
                Optional<Map<String, String>> params = RoutePattern.match(route.path(), path);
                if (params.isPresent()) {
                    return Optional.of(new Match(extension.service(), extension.bundle(), route, params.get()));
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
        for (ExtensionRegistry.Tracked<WebExtension> extension : sorted()) {
            try {
                entries.addAll(calls.call(extension.bundle() + "/navigation", () -> extension.service().navigation()));
            } catch (PluginCallException e) {
                // a failing extension loses its navigation entries, nothing more
            }
        }
        return entries;
    }

    private List<ExtensionRegistry.Tracked<WebExtension>> sorted() {
        List<ExtensionRegistry.Tracked<WebExtension>> list = new ArrayList<>(ready.values());
        list.sort(Comparator.comparingLong(ExtensionRegistry.Tracked::serviceId));
        return list;
    }
}
