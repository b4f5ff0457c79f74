package org.atelier.server.testplugins.hangstart;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** An activator that blocks for a minute in {@code start}, giving up only when interrupted. */
public final class HangStartActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) throws InterruptedException {
        Thread.sleep(60_000);
    }

    @Override
    public void stop(BundleContext context) {
        // nothing started
    }
}
