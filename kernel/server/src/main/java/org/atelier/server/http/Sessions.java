package org.atelier.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import org.atelier.server.accounts.Accounts;
import org.atelier.server.accounts.NewSession;
import org.atelier.server.accounts.Session;

/**
 * Session and CSRF cookies. The session cookie is HttpOnly, SameSite=Lax, and Secure when the
 * instance is served over https; it holds a random secret whose hash is the session's key. A
 * visitor who is not signed in gets a separate random CSRF cookie (double-submit) so that the
 * sign-in and registration forms are protected too.
 */
public final class Sessions {
    /** The session cookie's name. */
    public static final String SESSION_COOKIE = "atelier_session";
    /** The anonymous CSRF cookie's name. */
    public static final String CSRF_COOKIE = "atelier_csrf";

    private final Accounts accounts;
    private final boolean secure;

    /**
     * Creates the cookie handling.
     *
     * @param accounts the account service
     * @param secure   whether cookies get the Secure attribute
     */
    public Sessions(Accounts accounts, boolean secure) {
        this.accounts = accounts;
        this.secure = secure;
    }

    /**
     * Builds the exchange for a request: finds its session, or gives the visitor a CSRF cookie.
     *
     * @param request  the request
     * @param response the response
     * @return the exchange
     */
    public Exchange exchange(ServerRequest request, ServerResponse response) {
        Optional<Session> session = Exchange.cookie(request, SESSION_COOKIE).flatMap(accounts::session);
        if (session.isPresent()) {
            return new Exchange(request, response, session, session.get().csrfToken());
        }
        String token = Exchange.cookie(request, CSRF_COOKIE).filter(t -> t.matches("[A-Za-z0-9_-]{43}"))
                .orElseGet(() -> {
                    String fresh = accounts.randomToken(32);
                    response.headers().add(HeaderNames.SET_COOKIE, cookie(CSRF_COOKIE, fresh, -1));
                    return fresh;
                });
        return new Exchange(request, response, Optional.empty(), token);
    }

    /**
     * Sets the session cookie after signing in.
     *
     * @param response the response
     * @param session  the new session
     */
    public void signedIn(ServerResponse response, NewSession session) {
        response.headers().add(HeaderNames.SET_COOKIE,
                cookie(SESSION_COOKIE, session.secret(), Accounts.SESSION_LIFETIME.toSeconds()));
    }

    /**
     * Ends the session and clears its cookie.
     *
     * @param exchange the exchange
     */
    public void signOut(Exchange exchange) {
        exchange.cookie(SESSION_COOKIE).ifPresent(accounts::signOut);
        exchange.response().headers().add(HeaderNames.SET_COOKIE, cookie(SESSION_COOKIE, "", 0));
    }

    private String cookie(String name, String value, long maxAgeSeconds) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }
}
