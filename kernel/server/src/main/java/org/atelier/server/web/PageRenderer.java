package org.atelier.server.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.NavEntry;
import org.atelier.plugin.api.web.Role;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.http.Exchange;

/**
 * Renders pages: a template of the active theme (or a plugin's template source) inside the
 * theme's layout, with the navigation the viewer may see, the viewer, and the CSRF token every
 * form carries.
 */
public final class PageRenderer {
    private static final List<NavEntry> KERNEL_NAV = List.of(
            new NavEntry("Home", "/", Access.PUBLIC, 0),
            new NavEntry("Explore", "/explore", Access.PUBLIC, 10),
            new NavEntry("Search", "/search", Access.PUBLIC, 15),
            new NavEntry("New post", "/posts/new", Access.SIGNED_IN, 20),
            new NavEntry("Drafts", "/drafts", Access.SIGNED_IN, 30),
            new NavEntry("Bookmarks", "/bookmarks", Access.SIGNED_IN, 35),
            new NavEntry("Embed preview", "/embeds/preview", Access.PUBLIC, 50),
            new NavEntry("Profile settings", "/settings/profile", Access.SIGNED_IN, 80),
            new NavEntry("Admin", "/admin", Access.ADMIN, 90));

    private final Themes themes;
    private final Function<Optional<Viewer>, List<NavEntry>> extensionNav;
    private final String instanceName;
    private final ToIntFunction<Viewer> unreadNotifications;

    /**
     * Creates the renderer.
     *
     * @param themes       the installed themes and which is active
     * @param extensionNav navigation entries contributed by plugins, for a viewer
     * @param instanceName        the instance's display name
     * @param unreadNotifications the signed-in viewer's unread notifications, for the header
     */
    public PageRenderer(Themes themes, Function<Optional<Viewer>, List<NavEntry>> extensionNav,
                        String instanceName, ToIntFunction<Viewer> unreadNotifications) {
        this.themes = themes;
        this.extensionNav = extensionNav;
        this.instanceName = instanceName;
        this.unreadNotifications = unreadNotifications;
    }

    /** @return the active theme */
    public Theme theme() {
        return themes.active();
    }

    /**
     * Renders a theme template inside the layout.
     *
     * @param exchange the exchange (viewer, CSRF token)
     * @param title    the page title
     * @param template the template name
     * @param model    the template's values
     * @return UTF-8 HTML
     */
    public byte[] render(Exchange exchange, String title, String template, Map<String, Object> model) {
        Theme active = themes.active();
        Map<String, Object> values = baseModel(exchange, title);
        values.putAll(model);
        return layout(active, values, active.render(template, values));
    }

    /**
     * Renders a theme template inside the layout and sends it as the response.
     *
     * @param exchange the exchange
     * @param status   the HTTP status
     * @param title    the page title
     * @param template the template name
     * @param model    the template's values
     */
    public void send(Exchange exchange, int status, String title, String template, Map<String, Object> model) {
        exchange.send(status, "text/html; charset=UTF-8", render(exchange, title, template, model));
    }

    /**
     * Renders a theme template inside the layout and sends it with status 200.
     *
     * @param exchange the exchange
     * @param title    the page title
     * @param template the template name
     * @param model    the template's values
     */
    public void send(Exchange exchange, String title, String template, Map<String, Object> model) {
        send(exchange, 200, title, template, model);
    }

    /**
     * Renders a plugin's template source inside the layout.
     *
     * @param exchange the exchange
     * @param title    the page title
     * @param source   the plugin's template source
     * @param model    the plugin's values
     * @return UTF-8 HTML
     */
    public byte[] renderSource(Exchange exchange, String title, String source, Map<String, Object> model) {
        Theme active = themes.active();
        Map<String, Object> values = baseModel(exchange, title);
        values.putAll(model);
        return layout(active, values, active.renderSource(source, values));
    }

    private byte[] layout(Theme active, Map<String, Object> values, String content) {
        Map<String, Object> page = new HashMap<>(values);
        page.put("content", content);
        return active.render("layout", page).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Object> baseModel(Exchange exchange, String title) {
        Optional<Viewer> viewer = exchange.viewer();
        List<NavEntry> entries = new ArrayList<>(KERNEL_NAV);
        entries.addAll(extensionNav.apply(viewer));
        entries.sort(Comparator.comparingInt(NavEntry::order));
        List<Map<String, Object>> nav = new ArrayList<>();
        String path = exchange.request().path().path();
        for (NavEntry entry : entries) {
            boolean visible = entry.access() == Access.PUBLIC || viewer.map(v -> v.may(entry.access())).orElse(false);
            if (visible) {
                nav.add(Map.of("label", entry.label(), "path", entry.path(), "current", entry.path().equals(path)));
            }
        }
        Map<String, Object> values = new HashMap<>();
        values.put("title", title);
        values.put("instanceName", instanceName);
        values.put("nav", nav);
        values.put("csrf", exchange.csrfToken());
        values.put("signedIn", viewer.isPresent());
        viewer.ifPresent(v -> {
            values.put("viewer", Map.of("username", v.username(), "displayName", v.displayName()));
            values.put("isAdmin", v.role() == Role.ADMIN);
            int unread = unreadNotifications.applyAsInt(v);
            values.put("unread", unread);
            values.put("hasUnread", unread > 0);
        });
        return values;
    }
}
