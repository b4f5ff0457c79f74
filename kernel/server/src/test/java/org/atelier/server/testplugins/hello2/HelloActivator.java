package org.atelier.server.testplugins.hello2;

import org.atelier.plugin.api.web.WebExtension;
import org.atelier.server.testplugins.hello.HelloExtension;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Version 2 of the hello plugin (symbolic name {@code org.atelier.test.hello}); its bundle also
 * carries the shared extension's package.
 */
public final class HelloActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(WebExtension.class, new HelloExtension("v2"), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
