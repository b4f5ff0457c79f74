/**
 * The {@link org.atelier.plugin.api.web.WebExtension} extension point: routes, pages, navigation
 * entries, templates, tables and federated object types contributed by a plugin.
 */
@Export
@Version("1.0.0")
package org.atelier.plugin.api.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
