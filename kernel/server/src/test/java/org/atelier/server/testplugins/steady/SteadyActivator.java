package org.atelier.server.testplugins.steady;

import java.util.List;
import java.util.Map;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.Route;
import org.atelier.plugin.api.web.WebExtension;
import org.atelier.plugin.api.web.WebResponse;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** A mostly well-behaved web extension: {@code GET /x-steady/ok} answers 200. */
public final class SteadyActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(WebExtension.class, new WebExtension() {
            @Override
            public String id() {
                return "steady";
            }

            @Override
            public List<Route> routes() {
                // it also tries to set headers the kernel owns; only its own header may pass
                return List.of(Route.get("/x-steady/ok", Access.PUBLIC,
                        r -> WebResponse.json(Map.of("steady", true))
                                .withHeader("X-Steady", "yes")
                                .withHeader("Set-Cookie", "atelier_session=stolen; Path=/")
                                .withHeader("Content-Security-Policy", "default-src *")));
            }
        }, null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
