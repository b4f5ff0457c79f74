package org.atelier.server.web;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.AccountException;
import org.atelier.server.accounts.AccountStatus;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.accounts.Registration;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Router;
import org.atelier.server.http.Sessions;

/**
 * Sign-in, sign-out, registration and first-run setup pages. Forms re-render with the error and
 * what was typed (never the password) when they are refused.
 */
public final class AuthPages {
    private final Accounts accounts;
    private final Sessions sessions;
    private final PageRenderer pages;
    private final SetupToken setupToken;
    /** One setup at a time (a lock, not {@code synchronized}: requests run on virtual threads). */
    private final ReentrantLock setupLock = new ReentrantLock();

    /**
     * Creates the pages.
     *
     * @param accounts   the account service
     * @param sessions   session cookies
     * @param pages      the renderer
     * @param setupToken the one-time setup token
     */
    public AuthPages(Accounts accounts, Sessions sessions, PageRenderer pages, SetupToken setupToken) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.pages = pages;
        this.setupToken = setupToken;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/login", x -> pages.send(x, 200, "Sign in", "login", Map.of()))
                .post("/login", this::signIn)
                .post("/logout", x -> {
                    sessions.signOut(x);
                    x.seeOther("/");
                })
                .get("/register", x -> pages.send(x, 200, "Register", "register", registerModel()))
                .post("/register", this::register)
                .get("/setup", x -> pages.send(x, 200, "Set up", "setup", Map.of("done", !accounts.needsSetup())))
                .post("/setup", this::setup);
    }

    private void signIn(Exchange x) {
        Map<String, String> form = x.form();
        try {
            sessions.signedIn(x.response(), accounts.signIn(form.get("username"), form.get("password"), x.clientAddress()));
            x.seeOther("/");
        } catch (AccountException e) {
            pages.send(x, e.status(), "Sign in", "login",
                    Map.of("error", e.getMessage(), "username", form.getOrDefault("username", "")));
        }
    }

    private void register(Exchange x) {
        Map<String, String> form = x.form();
        Map<String, Object> model = registerModel();
        try {
            Account account = accounts.register(new Registration(form.get("username"), form.get("email"),
                    form.get("password"), form.get("displayName"), form.get("invite")));
            model.put("registered", true);
            model.put("pendingApproval", account.status() == AccountStatus.PENDING);
            pages.send(x, 201, "Register", "register", model);
        } catch (AccountException e) {
            model.put("error", e.getMessage());
            for (String field : new String[] {"username", "email", "displayName", "invite"}) {
                model.put(field, form.getOrDefault(field, ""));
            }
            pages.send(x, e.status(), "Register", "register", model);
        }
    }

    private void setup(Exchange x) {
        Map<String, String> form = x.form();
        try {
            // one setup at a time, so that the one-time token really works once: without the lock two
            // requests racing with the token could both pass the checks and create two admins
            setupLock.lock();
            try {
                if (!accounts.needsSetup()) {
                    throw new HttpError(403, "This instance is already set up.");
                }
                setupToken.check(form.getOrDefault("token", ""));
                accounts.setUpAdmin(new Registration(form.get("username"), form.get("email"), form.get("password"),
                        form.get("username"), null));
                setupToken.used();
            } finally {
                setupLock.unlock();
            }
            sessions.signedIn(x.response(), accounts.signIn(form.get("username"), form.get("password"), x.clientAddress()));
            x.seeOther("/admin");
        } catch (AccountException | HttpError e) {
            pages.send(x, e.status(), "Set up", "setup", Map.of("error", e.getMessage(),
                    "username", form.getOrDefault("username", ""), "email", form.getOrDefault("email", "")));
        }
    }

    private Map<String, Object> registerModel() {
        RegistrationMode mode = accounts.registrationMode();
        Map<String, Object> model = new HashMap<>();
        model.put("mode", mode.key());
        model.put("inviteRequired", mode == RegistrationMode.INVITE);
        model.put("approvalRequired", mode == RegistrationMode.APPROVAL);
        return model;
    }

}
