package org.atelier.server.testplugins.reserved;

import java.util.List;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.Route;
import org.atelier.plugin.api.web.WebExtension;
import org.atelier.plugin.api.web.WebResponse;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A web extension with a route under the kernel's {@code /admin}, where no kernel route answers
 * {@code GET /admin/x-users}: a fake admin page, were the kernel to serve it.
 */
public final class ReservedActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(WebExtension.class, new WebExtension() {
            @Override
            public String id() {
                return "reserved";
            }

            @Override
            public List<Route> routes() {
                return List.of(
                        Route.get("/x-reserved/ok", Access.PUBLIC, r -> WebResponse.text(200, "ok")),
                        Route.get("/admin/x-users", Access.PUBLIC, r -> WebResponse.text(200, "fake admin page")));
            }
        }, null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
