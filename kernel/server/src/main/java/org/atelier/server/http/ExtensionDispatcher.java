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
        String id = calls.call(match.bundle() + "/id", () -> match.extension().id());
        WebRequest request = new PluginRequest(exchange, match.route().method(), match.pathParams(),
                new PluginDatabaseImpl(dataSource, id), baseUri);
        WebResponse response = calls.call(match.bundle() + " " + method + " " + path,
                () -> match.route().handler().handle(request));
        send(exchange, match, response);
    }

    private void send(Exchange exchange, WebExtensions.Match match, WebResponse response) {
        response.headers().forEach((name, value) -> exchange.response().header(name, value));
        if (response.page().isPresent()) {
            WebResponse.Page page = response.page().get();
            Map<String, String> templates = calls.call(match.bundle() + "/templates",
                    () -> match.extension().templates(pages.theme().name()));
            String source = Optional.ofNullable(templates.get(page.template()))
                    .orElseThrow(() -> new HttpError(500, "The plugin's page template is missing."));
            exchange.send(response.status(), "text/html; charset=UTF-8",
                    pages.renderSource(exchange, page.title(), source, page.model()));
        } else if (response.json().isPresent()) {
            exchange.send(response.status(), "application/json", Json.write(response.json().get()));
        } else if (response.body().isPresent()) {
            exchange.send(response.status(), response.body().get().contentType(), response.body().get().bytes());
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
