/**
 * The {@link org.atelier.plugin.api.cloak.ImageCloak} extension point: cloaking the public
 * renditions of an artwork against style mimicry.
 */
@Export
@Version("1.0.0")
package org.atelier.plugin.api.cloak;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
