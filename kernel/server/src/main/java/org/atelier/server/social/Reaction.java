package org.atelier.server.social;

/**
 * A like or repost after the viewer acted.
 *
 * @param active whether the viewer now likes (or reposts) the post
 * @param count  the post's likes (or reposts) now
 */
public record Reaction(boolean active, int count) {
}
