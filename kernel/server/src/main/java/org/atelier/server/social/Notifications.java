package org.atelier.server.social;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.Usernames;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.PostVisibility;
import org.atelier.server.store.Cursor;
import org.atelier.server.store.Database;
import org.atelier.server.text.Mention;
import org.jdbi.v3.core.Jdbi;

/**
 * Notifications: made by the other social services when something happens to someone, read and
 * marked read by their recipient. The rules of who is notified live in one statement
 * ({@code NotificationDao/insert.sql}): never yourself, never across a block, never from an
 * account you muted, never about a post you cannot see. Listing and counting apply the same rules
 * again, so that muting or blocking someone also hides what they caused before. Thread-safe.
 */
public final class Notifications {
    private final NotificationDao dao;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param database the database
     * @param clock    the clock
     */
    public Notifications(Database database, Clock clock) {
        Jdbi jdbi = database.jdbi();
        PostVisibility.install(jdbi);
        SocialSql.install(jdbi);
        this.dao = jdbi.onDemand(NotificationDao.class);
        this.clock = clock;
    }

    /**
     * A page of the viewer's notifications, newest first.
     *
     * @param viewer the recipient
     * @param cursor where the previous page ended
     * @param limit  page size
     * @return the page
     */
    public Notification.Page page(Viewer viewer, Cursor cursor, int limit) {
        List<Notification> rows = dao.page(viewer.accountId(), cursor.id(), limit + 1);
        if (rows.size() <= limit) {
            return new Notification.Page(rows, Optional.empty());
        }
        Notification last = rows.get(limit - 1);
        return new Notification.Page(List.copyOf(rows.subList(0, limit)),
                Optional.of(new Cursor(last.createdAt(), last.id()).token()));
    }

    /**
     * How many notifications the viewer has not read (the badge).
     *
     * @param viewer the recipient
     * @return the count
     */
    public int unreadCount(Viewer viewer) {
        return dao.unreadCount(viewer.accountId());
    }

    /**
     * Marks the viewer's notifications read: all of them, or those up to one (a page that was
     * shown), so that one arriving meanwhile stays unread.
     *
     * @param viewer the recipient
     * @param upTo   the newest notification id to mark, or empty for all
     * @return how many were marked
     */
    public int markRead(Viewer viewer, OptionalLong upTo) {
        return dao.markRead(viewer.accountId(), upTo.orElse(Long.MAX_VALUE), clock.instant());
    }

    /**
     * Notifies someone, if the rules allow.
     *
     * @param kind        why
     * @param recipientId who
     * @param actorId     who did it
     * @param postId      the post it is about, 0 for none
     * @param commentId   the comment it is about, 0 for none
     * @return whether a notification was stored
     */
    boolean notify(NotificationKind kind, long recipientId, long actorId, long postId, long commentId) {
        return dao.insert(kind.key(), recipientId, actorId, postId, commentId, clock.instant()) == 1;
    }

    /**
     * Takes back what an undone action notified (an unlike, an unfollow), so that doing and undoing
     * it again and again does not flood the recipient.
     *
     * @param kind        the kind
     * @param recipientId who was notified
     * @param actorId     who did it
     * @param postId      the post, 0 for none
     */
    void withdraw(NotificationKind kind, long recipientId, long actorId, long postId) {
        dao.withdraw(kind.key(), recipientId, actorId, postId);
    }

    /**
     * Takes back every notification about a comment (it was deleted).
     *
     * @param commentId the comment
     */
    void withdrawComment(long commentId) {
        dao.withdrawComment(commentId);
    }

    /**
     * Notifies the local accounts a text mentions. Remote mentions wait for federation; the
     * recipient must be able to see the post, so a followers-only post notifies only the followers
     * it mentions.
     *
     * @param actorId   who wrote the text
     * @param post      the post the text is in (or under)
     * @param commentId the comment the text is, 0 for the post's description
     * @param mentions  the mentions in the text
     * @param skip      accounts already notified of this text another way (a reply's parent author)
     */
    void mentions(long actorId, PostRecord post, long commentId, List<Mention> mentions, Set<Long> skip) {
        List<String> usernames = mentions.stream().filter(m -> !m.isRemote())
                .map(m -> m.username().toLowerCase(Locale.ROOT)).filter(Usernames::wellFormed).distinct().toList();
        if (usernames.isEmpty()) {
            return;
        }
        for (long recipientId : dao.activeIds(usernames)) {
            if (!skip.contains(recipientId)) {
                notify(NotificationKind.MENTION, recipientId, actorId, post.id(), commentId);
            }
        }
    }
}
