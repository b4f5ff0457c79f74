package org.atelier.server.testplugins.hello;

import org.atelier.plugin.api.web.WebExtension;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Version 1 of the hello plugin (symbolic name {@code org.atelier.test.hello}). */
public final class HelloActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(WebExtension.class, new HelloExtension("v1"), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
