/**
 * Atelier's accounts (and, next, posts) as ActivityStreams documents, served by content
 * negotiation at the same URLs as their pages.
 */
package org.atelier.server.federation.conversion;
