package org.atelier.server.testplugins.hanging;

import java.util.Dictionary;
import java.util.Hashtable;
import org.atelier.plugin.api.embed.EmbedProvider;
import org.atelier.plugin.api.web.WebExtension;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** Registers a web extension with a route that hangs and an embed provider (asked first) that hangs. */
public final class HangingActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(WebExtension.class, new HangingExtension(), null);
        Dictionary<String, Object> ranked = new Hashtable<>();
        ranked.put(Constants.SERVICE_RANKING, 1000);
        context.registerService(EmbedProvider.class, new HangingEmbedProvider(), ranked);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the services
    }
}
