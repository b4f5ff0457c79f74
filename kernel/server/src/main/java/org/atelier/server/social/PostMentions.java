package org.atelier.server.social;

import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.atelier.server.posts.PostEvents;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.text.Mention;

/**
 * Notifies the people a post's description mentions, when the post is published and when an
 * edit adds mentions. Registered with {@code Posts.addListener}.
 */
public final class PostMentions implements PostEvents {
    private static final Logger LOG = Logger.getLogger(PostMentions.class.getName());

    private final Notifications notifications;

    /**
     * Creates the listener.
     *
     * @param notifications where notifications go
     */
    public PostMentions(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void published(PostRecord post, List<Mention> mentions) {
        notify(post, mentions);
    }

    @Override
    public void edited(PostRecord post, List<Mention> newMentions) {
        notify(post, newMentions);
    }

    private void notify(PostRecord post, List<Mention> mentions) {
        try {
            notifications.mentions(post.authorId(), post, 0, mentions, Set.of());
        } catch (RuntimeException e) {
            // the post is stored already; a lost notification must not turn its publication into an error
            LOG.log(Level.WARNING, "could not notify the mentions of post " + post.publicId(), e);
        }
    }
}
