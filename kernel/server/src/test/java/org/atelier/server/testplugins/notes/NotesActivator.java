package org.atelier.server.testplugins.notes;

import org.atelier.plugin.api.web.WebExtension;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers the notes extension, which keeps its data in its own tables. */
public final class NotesActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(WebExtension.class, new NotesExtension(), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
