/**
 * Plugins that misbehave on purpose, for the plugin-host tests. Each sub-package becomes one real
 * OSGi bundle at test time ({@link org.atelier.testrig.TestBundles}); classes in them may use only
 * the JDK, the plugin API and {@code org.osgi.framework}, because that is all a bundle sees.
 */
package org.atelier.server.testplugins;
