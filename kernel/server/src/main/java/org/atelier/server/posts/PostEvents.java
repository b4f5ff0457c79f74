package org.atelier.server.posts;

import java.util.List;
import org.atelier.server.text.Mention;

/**
 * Told after a post's transaction committed, so that other parts (notifications, federation)
 * react without {@link Posts} knowing them. Listeners must not throw; they run on the request's
 * thread and should hand slow work to the job queue.
 */
public interface PostEvents {

    /**
     * A post became visible: published now (from a draft or directly).
     *
     * @param post     the post
     * @param mentions who its description mentions
     */
    default void published(PostRecord post, List<Mention> mentions) {
    }

    /**
     * A published post was edited.
     *
     * @param post        the post after the edit
     * @param newMentions mentions the edit added
     */
    default void edited(PostRecord post, List<Mention> newMentions) {
    }

    /**
     * A post was deleted.
     *
     * @param post the post as it was
     */
    default void deleted(PostRecord post) {
    }
}
