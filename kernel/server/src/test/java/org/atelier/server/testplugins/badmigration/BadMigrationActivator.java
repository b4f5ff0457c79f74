package org.atelier.server.testplugins.badmigration;

import org.atelier.plugin.api.web.WebExtension;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Registers a web extension whose migration reaches beyond its own tables. Which migration is
 * chosen by the last segment of the bundle's symbolic name ({@code org.atelier.test.bad.<case>}),
 * so one package serves as many bundles as there are cases.
 */
public final class BadMigrationActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        String name = context.getBundle().getSymbolicName();
        String which = name.substring(name.lastIndexOf('.') + 1);
        context.registerService(WebExtension.class, new BadMigrationExtension(which), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
