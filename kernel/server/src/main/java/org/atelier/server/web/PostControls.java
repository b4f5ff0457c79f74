package org.atelier.server.web;

import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.posts.PostRecord;

/**
 * Something a post's page shows about the post for its viewer beyond the post itself (bookmark
 * and album controls, likes, comments), so that the post page does not need to know each feature.
 */
@FunctionalInterface
public interface PostControls {

    /**
     * The template values this feature adds to a post's page.
     *
     * @param viewer who looks, empty when signed out
     * @param post   the post shown
     * @return values merged into the page's model
     */
    Map<String, Object> controls(Optional<Viewer> viewer, PostRecord post);
}
