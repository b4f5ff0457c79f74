package org.atelier.server.collections;

import org.atelier.server.posts.Posts;

/**
 * An album with one page of its posts, in the owner's order.
 *
 * @param album the album
 * @param posts the page: the posts the viewer may see, and the token of the next page
 */
public record AlbumDetail(Album album, Posts.Page posts) {
}
