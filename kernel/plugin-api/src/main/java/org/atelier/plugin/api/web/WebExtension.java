package org.atelier.plugin.api.web;

import java.util.List;
import java.util.Map;

/**
 * Contributes a feature to the web UI and JSON API: routes, navigation entries, templates, the
 * plugin's own tables and the ActivityPub object types it federates (a jobs board is one).
 *
 * <p>The kernel dispatches requests to extension routes at request time, through one dispatcher
 * that looks extensions up per request, so routes appear and disappear with their bundle. When the
 * extension is absent its routes answer 404 and its navigation entries are hidden. The kernel
 * checks each route's {@link Access} and the CSRF token of every state-changing request before the
 * handler runs, and cuts off handlers that exceed its timeout.
 *
 * <p>Before the extension's routes are served, the kernel applies its {@link #migrations()}, in
 * version order, each once. Uninstalling never drops the tables.
 */
public interface WebExtension {

    /**
     * A stable identifier of 1–31 lower-case letters and digits, starting with a letter; it names
     * the extension's table prefix ({@code p_<id>_}) and its migration history. (No underscores,
     * so that no extension's prefix can be the start of another's.)
     *
     * @return for example {@code jobs}
     */
    String id();

    /**
     * The routes this extension serves. The kernel reads them once, when the extension's service
     * appears; an extension that wants different routes registers its service again. Paths must not clash with the kernel's own; the kernel
     * refuses routes under its reserved prefixes ({@code /api/v1/admin}, {@code /admin},
     * {@code /static}, {@code /.well-known}).
     *
     * @return the routes, in priority order
     */
    List<Route> routes();

    /**
     * Entries for the site navigation.
     *
     * @return the entries; none by default
     */
    default List<NavEntry> navigation() {
        return List.of();
    }

    /**
     * Templates (Mustache) that this extension's pages render with, for the given theme. The
     * kernel wraps rendered pages in the theme's layout.
     *
     * @param theme the active theme's name, so that an extension may ship per-theme variants
     * @return template sources by name; none by default
     */
    default Map<String, String> templates(String theme) {
        return Map.of();
    }

    /**
     * The migrations that create and evolve this extension's tables. Table names must start with
     * {@code p_<id>_}; the kernel refuses a migration that creates or alters any other table.
     *
     * @return the migrations, any order; none by default
     */
    default List<Migration> migrations() {
        return List.of();
    }

    /**
     * The ActivityPub object types this extension sends and receives.
     *
     * @return the types; none by default
     */
    default List<FederatedType> federatedTypes() {
        return List.of();
    }
}
