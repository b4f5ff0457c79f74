package org.atelier.server.social;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.posts.PostException;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.Posts;
import org.atelier.server.posts.Visibility;
import org.atelier.server.store.Cursor;
import org.atelier.server.store.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * Likes and reposts. Only posts the viewer may see can be liked or reposted (so a block, either
 * way, stops both); doing either twice is harmless; the post's counters change in the same
 * transaction as the row they count, and only when a row was really added or removed, so they
 * stay exact under concurrent clicks. Thread-safe.
 */
public final class Reactions {
    private final Jdbi jdbi;
    private final ReactionDao dao;
    private final Posts posts;
    private final Social social;
    private final Notifications notifications;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param database      the database
     * @param posts         the posts, for what the viewer may see
     * @param social        the social graph, for the list of likes
     * @param notifications where the post's author is told
     * @param clock         the clock
     */
    public Reactions(Database database, Posts posts, Social social, Notifications notifications, Clock clock) {
        this.jdbi = database.jdbi();
        this.dao = jdbi.onDemand(ReactionDao.class);
        this.posts = posts;
        this.social = social;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Likes a post.
     *
     * @param viewer   who likes
     * @param publicId the post
     * @return the like and the post's likes now
     * @throws PostException 404 when the viewer may not see the post
     */
    public Reaction like(Viewer viewer, String publicId) {
        return change(ReactionKind.LIKE, viewer, PublishedPosts.visible(posts, Optional.of(viewer), publicId), true);
    }

    /**
     * Takes a like back.
     *
     * @param viewer   who liked
     * @param publicId the post
     * @return no like, and the post's likes now
     * @throws PostException 404 when the viewer may not see the post
     */
    public Reaction unlike(Viewer viewer, String publicId) {
        return change(ReactionKind.LIKE, viewer, PublishedPosts.visible(posts, Optional.of(viewer), publicId), false);
    }

    /**
     * Reposts a post to the viewer's followers. A followers-only post cannot be reposted: that
     * would show it to people the artist did not choose.
     *
     * @param viewer   who reposts
     * @param publicId the post
     * @return the repost and the post's reposts now
     * @throws PostException   404 when the viewer may not see the post
     * @throws SocialException 403 for a followers-only post
     */
    public Reaction repost(Viewer viewer, String publicId) {
        PostRecord post = PublishedPosts.visible(posts, Optional.of(viewer), publicId);
        if (post.visibilityValue() == Visibility.FOLLOWERS) {
            throw new SocialException(403, "Followers-only posts cannot be reposted: that would show them beyond"
                    + " the artist's followers.");
        }
        return change(ReactionKind.REPOST, viewer, post, true);
    }

    /**
     * Takes a repost back.
     *
     * @param viewer   who reposted
     * @param publicId the post
     * @return no repost, and the post's reposts now
     * @throws PostException 404 when the viewer may not see the post
     */
    public Reaction unrepost(Viewer viewer, String publicId) {
        return change(ReactionKind.REPOST, viewer, PublishedPosts.visible(posts, Optional.of(viewer), publicId), false);
    }

    /**
     * Who liked a post, newest first, leaving out accounts with a block either way with the viewer.
     *
     * @param viewer   who asks, empty when signed out
     * @param publicId the post
     * @param cursor   where the previous page ended
     * @param limit    page size
     * @return the page
     * @throws PostException 404 when the viewer may not see the post
     */
    public AccountPage likes(Optional<Viewer> viewer, String publicId, Cursor cursor, int limit) {
        PostRecord post = PublishedPosts.visible(posts, viewer, publicId);
        return social.list(AccountList.LIKES, post.id(), viewer.map(Viewer::accountId).orElse(0L), cursor, limit);
    }

    /**
     * Which of a page of posts the viewer liked and reposted: two queries whatever the page's size.
     *
     * @param viewer  who asks, empty when signed out
     * @param postIds the posts' internal ids
     * @return what the viewer did
     */
    public PostInteractions interactions(Optional<Viewer> viewer, List<Long> postIds) {
        if (viewer.isEmpty() || postIds.isEmpty()) {
            return PostInteractions.NONE;
        }
        long accountId = viewer.get().accountId();
        return new PostInteractions(new HashSet<>(dao.reactedTo(ReactionKind.LIKE.table(), accountId, postIds)),
                new HashSet<>(dao.reactedTo(ReactionKind.REPOST.table(), accountId, postIds)));
    }

    /** Adds or removes the viewer's row and moves the counter by what really changed. */
    private Reaction change(ReactionKind kind, Viewer viewer, PostRecord post, boolean add) {
        Instant now = clock.instant();
        Counted counted = jdbi.inTransaction(h -> {
            PostCounterDao counters = h.attach(PostCounterDao.class);
            int before = counters.lock(kind.counter(), post.id()).orElseThrow(PostException::notFound);
            ReactionDao rows = h.attach(ReactionDao.class);
            int delta = add ? rows.insert(kind.table(), viewer.accountId(), post.id(), now)
                    : -rows.delete(kind.table(), viewer.accountId(), post.id());
            if (delta != 0) {
                counters.adjust(kind.counter(), post.id(), delta);
            }
            return new Counted(delta != 0, before + delta);
        });
        if (counted.changed() && add) {
            notifications.notify(kind.notification(), post.authorId(), viewer.accountId(), post.id(), 0);
        } else if (counted.changed()) {
            notifications.withdraw(kind.notification(), post.authorId(), viewer.accountId(), post.id());
        }
        if (counted.changed() && kind == ReactionKind.REPOST) {
            social.tell(add ? l -> l.reposted(viewer.accountId(), post, now)
                    : l -> l.unreposted(viewer.accountId(), post));
        }
        return new Reaction(add, counted.count());
    }

    /** What a transaction did to a counter. */
    private record Counted(boolean changed, int count) {
    }
}
