/**
 * Federation over ActivityPub, in layers that are each their own package (DESIGN.md §1
 * "Federation"): {@code keys} (the key pair of each actor), {@code discovery} (WebFinger,
 * host-meta, NodeInfo), {@code conversion} (Atelier's accounts and posts as ActivityStreams
 * documents), {@code dereferencing} (the HTTP client of every request to another server). This
 * package holds what they share: the instance's URLs and the media types.
 */
package org.atelier.server.federation;
