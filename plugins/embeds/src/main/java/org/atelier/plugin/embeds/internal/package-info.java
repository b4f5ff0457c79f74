/**
 * The embed providers and their shared URL checks. Private to the bundle: the kernel sees only
 * the {@link org.atelier.plugin.api.embed.EmbedProvider} services they register.
 */
package org.atelier.plugin.embeds.internal;
