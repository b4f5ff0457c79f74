package org.atelier.server.browser.plugin;

import org.atelier.plugin.api.web.WebExtension;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of a tiny plugin that the browser tests build into a jar with
 * {@code TestBundles} and upload through the admin page: it registers {@link BrowserTestExtension}.
 */
public final class BrowserTestPlugin implements BundleActivator {
    /** The symbolic name the tests give the bundle. */
    public static final String SYMBOLIC_NAME = "org.atelier.test.browserplugin";
    /** Its human name. */
    public static final String NAME = "Browser test plugin";

    @Override
    public void start(BundleContext context) {
        context.registerService(WebExtension.class, new BrowserTestExtension(), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
