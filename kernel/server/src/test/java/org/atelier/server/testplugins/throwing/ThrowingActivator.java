package org.atelier.server.testplugins.throwing;

import java.util.Dictionary;
import java.util.Hashtable;
import org.atelier.plugin.api.embed.EmbedProvider;
import org.atelier.plugin.api.web.WebExtension;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Registers a web extension whose handlers throw, and an embed provider that throws for every
 * link, ranked above every other provider so that the kernel asks it first.
 */
public final class ThrowingActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(WebExtension.class, new ThrowingExtension(), null);
        Dictionary<String, Object> ranked = new Hashtable<>();
        ranked.put(Constants.SERVICE_RANKING, 1000);
        context.registerService(EmbedProvider.class, new ThrowingEmbedProvider(), ranked);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the services
    }
}
