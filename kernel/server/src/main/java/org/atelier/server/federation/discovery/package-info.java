/**
 * How other servers find this instance and its actors: WebFinger ({@code acct:user@host} to an
 * actor id), host-meta (where WebFinger is), NodeInfo 2.0 and 2.1 (software, protocols, usage).
 */
package org.atelier.server.federation.discovery;
