/**
 * Atelier's plugin API: what a plugin may see of the kernel.
 *
 * <p>A plugin is an OSGi bundle that registers services implementing the extension points in the
 * sub-packages: {@link org.atelier.plugin.api.detect.ImageDetector},
 * {@link org.atelier.plugin.api.cloak.ImageCloak}, {@link org.atelier.plugin.api.embed.EmbedProvider},
 * {@link org.atelier.plugin.api.feed.FeedRanker} and {@link org.atelier.plugin.api.web.WebExtension}.
 * The kernel tracks them dynamically, calls them with timeouts, and copes with them coming and
 * going while it runs. Nothing here returns {@code null}: absent values are {@link java.util.Optional}.
 *
 * <p>Every package is versioned: additive changes raise the minor version, anything else the major.
 */
@Export
@Version("1.0.0")
package org.atelier.plugin.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
