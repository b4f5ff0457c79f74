package org.atelier.server.http;

import io.helidon.http.HeaderNames;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.HttpMethod;
import org.atelier.plugin.api.web.PluginDatabase;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.plugin.api.web.WebRequest;
import org.atelier.plugin.api.web.WebResponse;
import org.atelier.server.plugins.PluginCallException;
import org.atelier.server.plugins.PluginCalls;
import org.atelier.server.plugins.PluginDatabaseImpl;
import org.atelier.server.plugins.WebExtensions;
import org.atelier.server.web.PageRenderer;

/**
 * The one kernel route behind which all plugin routes live. Helidon's routing is fixed when the
 * server starts, so this dispatcher looks the ready web extensions up on every request: routes
 * appear and disappear with their bundles. It enforces each route's {@link Access} and the CSRF
 * token of state-changing requests before the plugin runs, and calls the handler through the
 * guarded call gate.
 */
public final class ExtensionDispatcher {
    /** Response headers a plugin may not set (lower case). */
    private static final java.util.Set<String> KERNEL_HEADERS = java.util.Set.of(
            "set-cookie", "content-security-policy", "content-security-policy-report-only", "x-frame-options",
            "x-content-type-options", "strict-transport-security", "referrer-policy", "x-robots-tag",
            "content-type", "content-length", "transfer-encoding", "connection");
    private final WebExtensions extensions;
    private final PluginCalls calls;
    private final PageRenderer pages;
    private final DataSource dataSource;
    private final URI baseUri;

    /**
     * Creates the dispatcher.
     *
     * @param extensions the ready web extensions
     * @param calls      the guarded call gate
     * @param pages      renders plugin pages in the theme's layout
     * @param dataSource the database plugins get access to
     * @param baseUri    the instance's base URL
     */
    public ExtensionDispatcher(WebExtensions extensions, PluginCalls calls, PageRenderer pages, DataSource dataSource,
                               URI baseUri) {
        this.extensions = extensions;
        this.calls = calls;
        this.pages = pages;
        this.dataSource = dataSource;
        this.baseUri = baseUri;
    }

    /**
     * Serves a request no kernel route took: a plugin route, or 404.
     *
     * @param exchange the exchange
     */
    public void dispatch(Exchange exchange) {
        String method = exchange.request().prologue().method().text();
        String path = exchange.request().path().path();
        WebExtensions.Match match = extensions.match(method, path)
                .orElseThrow(() -> new HttpError(404, "There is nothing at " + path + "."));
        Access access = match.route().access();
        if (access != Access.PUBLIC) {
            Viewer viewer = exchange.viewer().orElseThrow(() -> new HttpError(401, "Sign in to see this page."));
            if (!viewer.may(access)) {
                throw new HttpError(403, "You are not allowed to see this page.");
            }
        }
        if (match.route().method().changesState()) {
            exchange.requireCsrf();
        }
        WebRequest request = new PluginRequest(exchange, match.route().method(), match.pathParams(),
                new PluginDatabaseImpl(dataSource, match.id()), baseUri);
        WebResponse response = calls.call(match.bundle() + " " + method + " " + path,
                () -> match.route().handler().handle(request));
        send(exchange, match, response);
    }

    private void send(Exchange exchange, WebExtensions.Match match, WebResponse response) {
        if (response == null) {
            throw new PluginCallException(match.bundle(), PluginCallException.Kind.FAILED, "the plugin gave no answer",
                    new NullPointerException("handler returned null"));
        }
        String contentType;
        byte[] body;
        try {
            if (response.page().isPresent()) {
                WebResponse.Page page = response.page().get();
                Map<String, String> templates = calls.call(match.bundle() + "/templates",
                        () -> match.extension().templates(pages.theme().name()));
                String source = Optional.ofNullable(templates == null ? null : templates.get(page.template()))
                        .orElseThrow(() -> new PluginCallException(match.bundle(), PluginCallException.Kind.FAILED,
                                "the plugin's page template is missing", null));
                contentType = "text/html; charset=UTF-8";
                body = pages.renderSource(exchange, page.title(), source, page.model());
            } else if (response.json().isPresent()) {
                contentType = "application/json";
                body = Json.write(response.json().get());
            } else if (response.body().isPresent()) {
                contentType = response.body().get().contentType();
                body = response.body().get().bytes();
            } else {
                contentType = null;
                body = null;
            }
        } catch (PluginCallException | HttpError e) {
            throw e;
        } catch (RuntimeException e) {
            // a template that does not compile, a value that does not serialise: the plugin's fault
            throw new PluginCallException(match.bundle(), PluginCallException.Kind.FAILED,
                    "the plugin's answer could not be rendered", e);
        }
        response.headers().forEach((name, value) -> {
            // the kernel owns cookies, security headers and framing of every response
            if (!KERNEL_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                exchange.response().header(name, value);
            }
        });
        if (body != null) {
            exchange.send(response.status(), contentType, body);
        } else {
            exchange.response().status(response.status());
            exchange.response().send();
        }
    }

    private record PluginRequest(Exchange exchange, HttpMethod method, Map<String, String> params,
                                 PluginDatabase database, URI baseUri) implements WebRequest {
        @Override
        public String path() {
            return exchange.request().path().path();
        }

        @Override
        public Optional<String> pathParam(String name) {
            return Optional.ofNullable(params.get(name));
        }

        @Override
        public Optional<String> query(String name) {
            return exchange.request().query().first(name).asOptional();
        }

        @Override
        public Optional<String> form(String name) {
            return Optional.ofNullable(exchange.form().get(name));
        }

        @Override
        public Optional<Map<String, Object>> jsonBody() {
            return Json.readObject(exchange.body(Exchange.MAX_FORM_BYTES));
        }

        @Override
        public List<String> header(String name) {
            return exchange.request().headers().all(HeaderNames.create(name), List::of);
        }

        @Override
        public Optional<Viewer> viewer() {
            return exchange.viewer();
        }
    }
}
