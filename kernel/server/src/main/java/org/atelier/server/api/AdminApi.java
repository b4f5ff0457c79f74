package org.atelier.server.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Router;
import org.atelier.server.plugins.PluginHost;
import org.atelier.server.plugins.PluginJar;

/**
 * {@code /api/v1/admin}: plugins and accounts, for admins only. Plugin jars are sent as the raw
 * request body ({@code Content-Type: application/java-archive}).
 */
public final class AdminApi {
    private final PluginHost plugins;
    private final Accounts accounts;

    /**
     * Creates the API.
     *
     * @param plugins  the plugin host
     * @param accounts the account service
     */
    public AdminApi(PluginHost plugins, Accounts accounts) {
        this.plugins = plugins;
        this.accounts = accounts;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/api/v1/admin/plugins", x -> {
            x.requireAdmin();
            x.json(200, plugins.list());
        });
        router.get("/api/v1/admin/plugins/{name}", x -> {
            x.requireAdmin();
            x.json(200, plugins.find(x.pathParam("name")).orElseThrow(() -> new HttpError(404, "No such plugin.")));
        });
        router.upload("/api/v1/admin/plugins", x -> {
            x.requireAdmin();
            x.requireCsrf();
            x.json(201, plugins.install(jar(x)));
        });
        router.put("/api/v1/admin/plugins/{name}", x -> {
            x.requireAdmin();
            x.json(200, plugins.update(x.pathParam("name"), jar(x)));
        });
        router.post("/api/v1/admin/plugins/{name}/start", x -> {
            x.requireAdmin();
            x.json(200, plugins.start(x.pathParam("name")));
        });
        router.post("/api/v1/admin/plugins/{name}/stop", x -> {
            x.requireAdmin();
            x.json(200, plugins.stop(x.pathParam("name")));
        });
        router.delete("/api/v1/admin/plugins/{name}", x -> {
            x.requireAdmin();
            plugins.uninstall(x.pathParam("name"));
            x.response().status(204);
            x.response().send();
        });
        router.get("/api/v1/admin/accounts/pending", x -> {
            Viewer admin = x.requireAdmin();
            x.json(200, accounts.pending(admin).stream().map(AccountsApi::privateView).toList());
        });
        router.post("/api/v1/admin/accounts/{username}/approve", x -> {
            accounts.approve(x.requireAdmin(), x.pathParam("username"));
            x.json(200, Map.of("approved", x.pathParam("username")));
        });
        router.get("/api/v1/admin/settings/registration", x -> {
            x.requireAdmin();
            x.json(200, Map.of("mode", accounts.registrationMode().key()));
        });
        router.put("/api/v1/admin/settings/registration", x -> {
            Viewer admin = x.requireAdmin();
            RegistrationMode mode = RegistrationMode.parse(AccountsApi.str(AccountsApi.body(x), "mode"))
                    .orElseThrow(() -> new HttpError(400, "mode must be open, approval or invite."));
            accounts.setRegistrationMode(admin, mode);
            x.json(200, Map.of("mode", mode.key()));
        });
        router.post("/api/v1/admin/invites", x -> {
            Viewer admin = x.requireAdmin();
            Map<String, Object> body = AccountsApi.body(x);
            int maxUses = number(body.getOrDefault("maxUses", 1));
            int days = number(body.getOrDefault("days", 7));
            String code = accounts.createInvite(admin, maxUses, Duration.ofDays(days),
                    body.get("note") instanceof String s ? s : "");
            x.json(201, Map.of("code", code, "maxUses", maxUses, "days", days));
        });
    }

    private static byte[] jar(Exchange x) {
        return x.body(PluginJar.MAX_BYTES);
    }

    private static int number(Object value) {
        if (value instanceof Integer i && i > 0 && i <= 3650) {
            return i;
        }
        throw new HttpError(400, "Expected a positive whole number, got " + value + ".");
    }

    /** @return the prefixes plugin routes may not use */
    public static List<String> reservedPrefixes() {
        return List.of("/api/v1/admin", "/admin", "/static", "/.well-known");
    }
}
