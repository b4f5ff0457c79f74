package org.atelier.server.testplugins.failstart;

import java.util.List;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.Route;
import org.atelier.plugin.api.web.WebExtension;
import org.atelier.plugin.api.web.WebResponse;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers a web extension, then throws: the framework unregisters it and the start fails. */
public final class FailStartActivator implements BundleActivator {
    /** The message the activator fails with. */
    public static final String MESSAGE = "the failstart plugin cannot find its settings";

    @Override
    public void start(BundleContext context) {
        context.registerService(WebExtension.class, new WebExtension() {
            @Override
            public String id() {
                return "failstart";
            }

            @Override
            public List<Route> routes() {
                return List.of(Route.get("/x-failstart", Access.PUBLIC, r -> WebResponse.text(200, "should never be served")));
            }
        }, null);
        throw new IllegalStateException(MESSAGE);
    }

    @Override
    public void stop(BundleContext context) {
        // nothing to undo
    }
}
