package org.atelier.server.testplugins.ranking;

import org.atelier.plugin.api.feed.FeedRanker;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers {@link LikesFirstRanker}. */
public final class LikesFirstActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        context.registerService(FeedRanker.class, new LikesFirstRanker(), null);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }
}
