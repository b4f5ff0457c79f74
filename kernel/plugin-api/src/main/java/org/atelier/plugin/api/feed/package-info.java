/**
 * The {@link org.atelier.plugin.api.feed.FeedRanker} extension point: ordering a viewer's home
 * feed.
 */
@Export
@Version("1.0.0")
package org.atelier.plugin.api.feed;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
