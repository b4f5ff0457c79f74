/**
 * What peers deliver: the inboxes (an actor's and the shared one) verify a delivery's signature
 * and origin, store it once by activity id and answer 202; the job queue processes it.
 */
package org.atelier.server.federation.inbound;
