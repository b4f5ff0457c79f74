/**
 * What people read: the home feed (followed accounts, followed tags, reposts, one's own posts,
 * ordered by the active {@link org.atelier.plugin.api.feed.FeedRanker}), explore (recent and
 * popular public work), tag pages, following tags, and search (people, tags, post titles). Every
 * list is keyset-paginated and every post passes {@link org.atelier.server.posts.PostVisibility}.
 */
package org.atelier.server.feeds;
