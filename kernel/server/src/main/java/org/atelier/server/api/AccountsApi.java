package org.atelier.server.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.accounts.NewSession;
import org.atelier.server.accounts.Registration;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Json;
import org.atelier.server.http.Router;
import org.atelier.server.http.Sessions;

/**
 * {@code /api/v1} for accounts and sessions: the CSRF token, registration, sign-in and sign-out,
 * and profiles. Every state-changing call carries the CSRF token in {@code X-CSRF-Token}.
 */
public final class AccountsApi {
    private final Accounts accounts;
    private final Sessions sessions;

    /**
     * Creates the API.
     *
     * @param accounts the account service
     * @param sessions session cookies
     */
    public AccountsApi(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/api/v1/csrf", x -> x.json(200, Map.of("token", x.csrfToken())));
        router.post("/api/v1/accounts", x -> {
            Map<String, Object> body = body(x);
            Account account = accounts.register(new Registration(str(body, "username"), str(body, "email"),
                    str(body, "password"), str(body, "displayName"), str(body, "invite")));
            x.json(201, Map.of("account", privateView(account)));
        });
        router.post("/api/v1/sessions", x -> {
            Map<String, Object> body = body(x);
            NewSession session = accounts.signIn(str(body, "username"), str(body, "password"), x.clientAddress());
            sessions.signedIn(x.response(), session);
            x.json(200, Map.of("account", privateView(session.account()), "csrfToken", session.csrfToken()));
        });
        router.delete("/api/v1/sessions/current", x -> {
            sessions.signOut(x);
            x.response().status(204);
            x.response().send();
        });
        router.get("/api/v1/accounts/me", x -> x.json(200, privateView(
                accounts.byUsername(x.requireViewer().username()).orElseThrow())));
        // GET /api/v1/accounts/{username}, the public profile, is ProfilesApi's
        router.patch("/api/v1/accounts/{username}", x -> {
            Viewer viewer = x.requireViewer();
            Map<String, Object> body = body(x);
            Account current = accounts.byUsername(x.pathParam("username"))
                    .orElseThrow(() -> new HttpError(404, "No such account."));
            Account updated = accounts.updateProfile(viewer, current.username(),
                    body.containsKey("displayName") ? str(body, "displayName") : current.displayName(),
                    body.containsKey("bio") ? str(body, "bio") : current.bio());
            x.json(200, publicView(updated));
        });
    }

    static Map<String, Object> body(Exchange x) {
        return Json.readObject(x.body(Exchange.MAX_FORM_BYTES))
                .orElseThrow(() -> new HttpError(400, "Send a JSON object."));
    }

    static String str(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value != null && !(value instanceof String)) {
            throw new HttpError(400, "'" + name + "' must be a string.");
        }
        return (String) value;
    }

    static Map<String, Object> publicView(Account account) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("username", account.username());
        view.put("displayName", account.displayName());
        view.put("bio", account.bio());
        view.put("role", account.role().name().toLowerCase(java.util.Locale.ROOT));
        view.put("createdAt", account.createdAt().toString());
        return view;
    }

    static Map<String, Object> privateView(Account account) {
        Map<String, Object> view = publicView(account);
        view.put("email", account.email());
        view.put("status", account.status().name().toLowerCase(java.util.Locale.ROOT));
        return view;
    }
}
