package org.atelier.server.testplugins.slow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.Route;
import org.atelier.plugin.api.web.WebExtension;
import org.atelier.plugin.api.web.WebResponse;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A web extension whose one route takes about 200 ms and then reads from its own bundle, as a
 * plugin loading a class or a resource late would.
 */
public final class SlowActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(WebExtension.class, new WebExtension() {
            @Override
            public String id() {
                return "slow";
            }

            @Override
            public List<Route> routes() {
                return List.of(Route.get("/x-slow/work", Access.PUBLIC, r -> {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    // reads from its own bundle after the pause: the bundle may be gone by then
                    try (InputStream own = SlowActivator.class.getResourceAsStream("SlowActivator.class")) {
                        if (own == null || own.readAllBytes().length == 0) {
                            throw new IllegalStateException("my bundle is gone");
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return WebResponse.text(200, new Answer("done").text());
                }));
            }
        }, null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    /** Loaded lazily, after the handler slept: the bundle may be gone by then. */
    record Answer(String text) {
    }
}
