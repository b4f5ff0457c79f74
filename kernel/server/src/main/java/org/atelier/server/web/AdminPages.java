package org.atelier.server.web;

import io.helidon.http.HeaderNames;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Multipart;
import org.atelier.server.http.Router;
import org.atelier.server.plugins.PluginHost;
import org.atelier.server.plugins.InvalidPluginException;
import org.atelier.server.plugins.PluginInfo;
import org.atelier.server.plugins.PluginJar;

/**
 * The admin pages: plugins (list, install, start, stop, update, uninstall) and accounts
 * (registration mode, approvals, invites). Every route requires an admin; results are shown
 * through a redirect carrying a short message (post/redirect/get).
 */
public final class AdminPages {
    private final PluginHost plugins;
    private final Accounts accounts;
    private final PageRenderer pages;

    /**
     * Creates the pages.
     *
     * @param plugins  the plugin host
     * @param accounts the account service
     * @param pages    the renderer
     */
    public AdminPages(PluginHost plugins, Accounts accounts, PageRenderer pages) {
        this.plugins = plugins;
        this.accounts = accounts;
        this.pages = pages;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/admin", x -> {
            x.requireAdmin();
            pages.send(x, "Admin", "admin", Map.of());
        });
        router.get("/admin/plugins", x -> {
            x.requireAdmin();
            pluginsPage(x, 200, message(x), "");
        });
        router.upload("/admin/plugins", x -> {
            x.requireAdmin();
            byte[] jar = uploadedJar(x);
            try {
                PluginInfo installed = plugins.install(jar);
                x.seeOther("/admin/plugins?message=" + encode("Installed " + installed.name() + " "
                        + installed.version() + " (" + installed.state() + ")."));
            } catch (InvalidPluginException e) {
                // a refused jar is shown on the plugins page itself, so the admin can try again
                pluginsPage(x, 400, "", "The plugin was not installed: " + e.getMessage());
            }
        });
        router.upload("/admin/plugins/{name}/update", x -> {
            x.requireAdmin();
            byte[] jar = uploadedJar(x);
            try {
                PluginInfo updated = plugins.update(x.pathParam("name"), jar);
                x.seeOther("/admin/plugins?message=" + encode("Updated " + updated.name() + " to "
                        + updated.version() + "."));
            } catch (InvalidPluginException e) {
                pluginsPage(x, 400, "", "The plugin was not updated: " + e.getMessage());
            }
        });
        router.post("/admin/plugins/{name}/start", x -> {
            x.requireAdmin();
            PluginInfo info = plugins.start(x.pathParam("name"));
            x.seeOther("/admin/plugins?message=" + encode(info.name() + " is " + info.state() + "."));
        });
        router.post("/admin/plugins/{name}/stop", x -> {
            x.requireAdmin();
            PluginInfo info = plugins.stop(x.pathParam("name"));
            x.seeOther("/admin/plugins?message=" + encode(info.name() + " is " + info.state() + "."));
        });
        router.post("/admin/plugins/{name}/uninstall", x -> {
            x.requireAdmin();
            plugins.uninstall(x.pathParam("name"));
            x.seeOther("/admin/plugins?message=" + encode("Uninstalled " + x.pathParam("name") + "; its data is kept."));
        });
        router.get("/admin/accounts", x -> accountsPage(x, x.requireAdmin(), message(x), ""));
        router.post("/admin/registration", x -> {
            Viewer admin = x.requireAdmin();
            RegistrationMode mode = RegistrationMode.parse(x.form().get("mode"))
                    .orElseThrow(() -> new HttpError(400, "Choose open, approval or invite."));
            accounts.setRegistrationMode(admin, mode);
            x.seeOther("/admin/accounts?message=" + encode("Registration is now " + mode.key() + "."));
        });
        router.post("/admin/accounts/{username}/approve", x -> {
            accounts.approve(x.requireAdmin(), x.pathParam("username"));
            x.seeOther("/admin/accounts?message=" + encode("Approved @" + x.pathParam("username") + "."));
        });
        router.post("/admin/invites", x -> {
            Viewer admin = x.requireAdmin();
            Map<String, String> form = x.form();
            String code = accounts.createInvite(admin, parseInt(form.get("maxUses"), 1),
                    Duration.ofDays(parseInt(form.get("days"), 7)), form.get("note"));
            accountsPage(x, admin, "", code);
        });
    }

    /**
     * The jar of an upload: a multipart form field {@code jar} (its {@code _csrf} field checked),
     * or a raw {@code application/java-archive} body with the token in the header.
     */
    private static byte[] uploadedJar(Exchange x) {
        String type = x.request().headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        byte[] body = x.body(PluginJar.MAX_BYTES + 64 * 1024);
        if (type.startsWith("multipart/")) {
            Map<String, byte[]> parts = Multipart.parse(type, body);
            x.requireCsrf(new String(parts.getOrDefault("_csrf", new byte[0]), StandardCharsets.UTF_8));
            byte[] jar = parts.get("jar");
            if (jar == null || jar.length == 0) {
                throw new HttpError(400, "Choose a plugin jar to upload.");
            }
            return jar;
        }
        x.requireCsrf();
        return body;
    }

    private void pluginsPage(Exchange x, int status, String message, String error) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PluginInfo info : plugins.list()) {
            Map<String, Object> row = new HashMap<>();
            row.put("symbolicName", info.symbolicName());
            row.put("name", info.name());
            row.put("version", info.version());
            row.put("description", info.description());
            row.put("state", info.state());
            row.put("extensionPoints", String.join(", ", info.extensionPoints()));
            row.put("bundled", info.bundled());
            row.put("error", info.error().orElse(""));
            row.put("isActive", info.state().equals("active"));
            rows.add(row);
        }
        x.send(status, "text/html; charset=UTF-8", pages.render(x, "Plugins", "admin-plugins",
                Map.of("plugins", rows, "message", message, "error", error)));
    }

    private void accountsPage(Exchange x, Viewer admin, String message, String invite) {
        RegistrationMode current = accounts.registrationMode();
        List<Map<String, Object>> modes = new ArrayList<>();
        for (RegistrationMode mode : RegistrationMode.values()) {
            modes.add(Map.of("key", mode.key(), "label", switch (mode) {
                case OPEN -> "Open: anyone can register";
                case APPROVAL -> "Approval: an admin approves each registration";
                case INVITE -> "Invite only";
            }, "selected", mode == current));
        }
        List<Map<String, Object>> pending = new ArrayList<>();
        for (Account account : accounts.pending(admin)) {
            pending.add(Map.of("username", account.username(), "email", account.email(),
                    "displayName", account.displayName(), "createdAt", account.createdAt().toString()));
        }
        pages.send(x, "Accounts", "admin-accounts", Map.of("mode", current.key(), "modes", modes, "pending", pending,
                "invite", invite, "message", message));
    }


    private static String message(Exchange x) {
        String message = x.request().query().first("message").orElse("");
        return message.length() > 300 ? message.substring(0, 300) : message;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int parseInt(String text, int fallback) {
        try {
            return text == null || text.isBlank() ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new HttpError(400, "'" + text + "' is not a whole number.");
        }
    }
}
