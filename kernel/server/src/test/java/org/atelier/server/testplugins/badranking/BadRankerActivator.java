package org.atelier.server.testplugins.badranking;

import java.util.Dictionary;
import java.util.Hashtable;
import org.atelier.plugin.api.feed.FeedRanker;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * Registers a {@link BadRanker}, ranked above every other ranker so that the kernel asks it. The
 * mode comes from the bundle's symbolic name ({@code …badranking-drop}), so that one package makes
 * one bundle per misbehaviour.
 */
public final class BadRankerActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        String name = context.getBundle().getSymbolicName();
        BadRanker.Mode mode = BadRanker.Mode.valueOf(
                name.substring(name.lastIndexOf('-') + 1).toUpperCase(java.util.Locale.ROOT));
        Dictionary<String, Object> ranked = new Hashtable<>();
        ranked.put(Constants.SERVICE_RANKING, 1000);
        context.registerService(FeedRanker.class, new BadRanker(mode), ranked);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
