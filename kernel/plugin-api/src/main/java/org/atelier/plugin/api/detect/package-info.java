/**
 * The {@link org.atelier.plugin.api.detect.ImageDetector} extension point: judging whether an
 * image is AI-generated, from evidence people can read.
 */
@Export
@Version("1.0.0")
package org.atelier.plugin.api.detect;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
