package org.atelier.server.social;

import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.posts.PostException;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.Posts;

/**
 * The posts people may like, repost and comment on: published ones the viewer may see. An
 * artist sees their own drafts, but a draft has no audience to react yet.
 */
final class PublishedPosts {
    private PublishedPosts() {
    }

    /**
     * A post the viewer may react to.
     *
     * @param posts    the post service
     * @param viewer   who asks
     * @param publicId the post
     * @return its row
     * @throws PostException 404 for a draft, or a post the viewer may not see
     */
    static PostRecord visible(Posts posts, Optional<Viewer> viewer, String publicId) {
        PostRecord post = posts.visibleRecord(viewer, publicId);
        if (!post.published()) {
            throw PostException.notFound();
        }
        return post;
    }
}
