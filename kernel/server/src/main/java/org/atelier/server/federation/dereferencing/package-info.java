/**
 * The one way out: {@link org.atelier.server.federation.dereferencing.OutboundHttp}, the HTTP
 * client every federation request uses (fetching remote actors, objects and media, delivering
 * activities). It refuses loopback, private, link-local and other special addresses, checked on
 * the address the socket connects to after DNS (unless the admin's
 * {@link org.atelier.server.federation.dereferencing.AddressAllowList} names them), and bounds
 * every request in time, size and redirects.
 */
package org.atelier.server.federation.dereferencing;
