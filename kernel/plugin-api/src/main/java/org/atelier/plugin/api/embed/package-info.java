/**
 * The {@link org.atelier.plugin.api.embed.EmbedProvider} extension point: turning links to video
 * and 3D-model sites into safe embeds.
 */
@Export
@Version("1.0.0")
package org.atelier.plugin.api.embed;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
