/**
 * Bookmarks and albums: what a viewer keeps of other people's work.
 *
 * <ul>
 *   <li>A bookmark is private to the account that made it: nobody else can list or count it.</li>
 *   <li>An album is a named, ordered collection of posts (the owner's own or anyone's the owner
 *       may see), public or private, with a cover the owner chose or, failing that, the first post
 *       the viewer may see.</li>
 * </ul>
 *
 * <p>Neither copies a post: both hold its id, and every read passes the ids through
 * {@link org.atelier.server.posts.Posts#load}, so a post that became invisible to the viewer
 * (followers-only after an unfollow, a block, a deletion) simply drops out of the list, and comes
 * back if it becomes visible again. {@link org.atelier.server.collections.Collections} is the
 * service; the JSON API is {@code org.atelier.server.api.CollectionsApi}.
 */
package org.atelier.server.collections;
