package org.atelier.server.social;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.Account;
import org.atelier.server.accounts.AccountStatus;
import org.atelier.server.store.Cursor;
import org.atelier.server.store.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * The social graph between local accounts: follows (approved by locked accounts), blocks and
 * mutes. A block removes the follows both ways and stops new ones; what it hides is decided by
 * {@link org.atelier.server.posts.PostVisibility} and the notification rules. Mutes only quieten:
 * feeds read the {@code mutes} table, and notifications from muted accounts are not shown.
 * Thread-safe.
 */
public final class Social {
    private static final Logger LOG = Logger.getLogger(Social.class.getName());
    private final Jdbi jdbi;
    private final SocialDao dao;
    private final Notifications notifications;
    private final Clock clock;
    private final List<SocialEvents> listeners = new CopyOnWriteArrayList<>();

    /**
     * Creates the service.
     *
     * @param database      the database
     * @param notifications where follow notifications go
     * @param clock         the clock
     */
    public Social(Database database, Notifications notifications, Clock clock) {
        this.jdbi = database.jdbi();
        SocialSql.install(jdbi);
        this.dao = jdbi.onDemand(SocialDao.class);
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Adds a listener told about changes to follows, mutes, blocks and reposts.
     *
     * @param listener the listener
     */
    public void addListener(SocialEvents listener) {
        listeners.add(listener);
    }

    /** Tells every listener; one that throws is logged and does not stop the others or the caller. */
    void tell(Consumer<SocialEvents> event) {
        for (SocialEvents listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a social event listener failed", e);
            }
        }
    }

    private void changed(long accountId, long otherId) {
        tell(l -> l.networkChanged(accountId, otherId));
    }

    /**
     * Follows an account: at once, or as a request when its profile is locked.
     *
     * @param viewer who follows
     * @param target whom
     * @return the follow's state (the existing one when the viewer already follows or asked)
     * @throws SocialException 400 for oneself, 403 across a block, 404 for an inactive account
     */
    public FollowState follow(Viewer viewer, Account target) {
        requireOther(viewer, target, "You cannot follow yourself.");
        if (blockedEitherWay(viewer.accountId(), target.id())) {
            throw new SocialException(403, "You cannot follow this account.");
        }
        FollowState state = dao.locked(target.id()).orElse(false) ? FollowState.PENDING : FollowState.ACCEPTED;
        if (dao.insertFollow(viewer.accountId(), target.id(), state.key(), clock.instant()) == 1) {
            if (state == FollowState.ACCEPTED) {
                changed(viewer.accountId(), target.id());
            }
            notifications.notify(state == FollowState.PENDING ? NotificationKind.FOLLOW_REQUEST : NotificationKind.FOLLOW,
                    target.id(), viewer.accountId(), 0, 0);
            return state;
        }
        // already following or asked, or a block was made between the check and the insert
        return dao.followState(viewer.accountId(), target.id()).map(FollowState::of)
                .orElseThrow(() -> new SocialException(403, "You cannot follow this account."));
    }

    /**
     * Stops following an account, or withdraws a request. Doing it twice is harmless.
     *
     * @param viewer who follows
     * @param target whom
     */
    public void unfollow(Viewer viewer, Account target) {
        if (dao.deleteFollow(viewer.accountId(), target.id()) > 0) {
            changed(viewer.accountId(), target.id());
            notifications.withdraw(NotificationKind.FOLLOW, target.id(), viewer.accountId(), 0);
            notifications.withdraw(NotificationKind.FOLLOW_REQUEST, target.id(), viewer.accountId(), 0);
        }
    }

    /**
     * Accepts a request to follow the viewer.
     *
     * @param viewer   the locked account
     * @param follower who asked
     * @throws SocialException 404 when that account has no pending request
     */
    public void acceptFollow(Viewer viewer, Account follower) {
        if (dao.acceptFollow(follower.id(), viewer.accountId()) == 0) {
            throw noRequest();
        }
        changed(viewer.accountId(), follower.id());
    }

    /**
     * Rejects a request to follow the viewer.
     *
     * @param viewer   the locked account
     * @param follower who asked
     * @throws SocialException 404 when that account has no pending request
     */
    public void rejectFollow(Viewer viewer, Account follower) {
        if (dao.rejectFollow(follower.id(), viewer.accountId()) == 0) {
            throw noRequest();
        }
        notifications.withdraw(NotificationKind.FOLLOW_REQUEST, viewer.accountId(), follower.id(), 0);
    }

    /**
     * The requests waiting for the viewer's approval, newest first.
     *
     * @param viewer the locked account
     * @param cursor where the previous page ended
     * @param limit  page size
     * @return the page
     */
    public AccountPage followRequests(Viewer viewer, Cursor cursor, int limit) {
        return list(AccountList.FOLLOW_REQUESTS, viewer.accountId(), viewer.accountId(), cursor, limit);
    }

    /**
     * An account's accepted followers, newest first, leaving out accounts with a block either way
     * with the viewer.
     *
     * @param viewer    who asks, empty when signed out
     * @param accountId whose followers
     * @param cursor    where the previous page ended
     * @param limit     page size
     * @return the page
     */
    public AccountPage followers(Optional<Viewer> viewer, long accountId, Cursor cursor, int limit) {
        return list(AccountList.FOLLOWERS, accountId, viewerId(viewer), cursor, limit);
    }

    /**
     * Whom an account follows (accepted), newest first, leaving out accounts with a block either
     * way with the viewer.
     *
     * @param viewer    who asks, empty when signed out
     * @param accountId whose follows
     * @param cursor    where the previous page ended
     * @param limit     page size
     * @return the page
     */
    public AccountPage following(Optional<Viewer> viewer, long accountId, Cursor cursor, int limit) {
        return list(AccountList.FOLLOWING, accountId, viewerId(viewer), cursor, limit);
    }

    /**
     * Blocks an account: neither sees the other's posts, neither can follow, like, repost or
     * comment on the other's work, and the follows between them end.
     *
     * @param viewer who blocks
     * @param target whom
     * @throws SocialException 400 for oneself
     */
    public void block(Viewer viewer, Account target) {
        requireOther(viewer, target, "You cannot block yourself.");
        jdbi.useTransaction(h -> {
            SocialDao tx = h.attach(SocialDao.class);
            tx.insertEdge("blocks", viewer.accountId(), target.id(), clock.instant());
            tx.deleteFollowsBetween(viewer.accountId(), target.id());
        });
        changed(viewer.accountId(), target.id());
    }

    /**
     * Lifts a block. Doing it twice is harmless; the follows it ended stay ended.
     *
     * @param viewer who blocked
     * @param target whom
     */
    public void unblock(Viewer viewer, Account target) {
        dao.deleteEdge("blocks", viewer.accountId(), target.id());
        changed(viewer.accountId(), target.id());
    }

    /**
     * Mutes an account: its posts leave the viewer's feeds and its actions stop notifying the
     * viewer; it is not told, and follows stay.
     *
     * @param viewer who mutes
     * @param target whom
     * @throws SocialException 400 for oneself
     */
    public void mute(Viewer viewer, Account target) {
        requireOther(viewer, target, "You cannot mute yourself.");
        dao.insertEdge("mutes", viewer.accountId(), target.id(), clock.instant());
        changed(viewer.accountId(), target.id());
    }

    /**
     * Lifts a mute. Doing it twice is harmless.
     *
     * @param viewer who muted
     * @param target whom
     */
    public void unmute(Viewer viewer, Account target) {
        dao.deleteEdge("mutes", viewer.accountId(), target.id());
        changed(viewer.accountId(), target.id());
    }

    /**
     * The accounts the viewer blocks, newest first.
     *
     * @param viewer who asks
     * @param cursor where the previous page ended
     * @param limit  page size
     * @return the page
     */
    public AccountPage blocks(Viewer viewer, Cursor cursor, int limit) {
        return list(AccountList.BLOCKS, viewer.accountId(), viewer.accountId(), cursor, limit);
    }

    /**
     * The accounts the viewer mutes, newest first.
     *
     * @param viewer who asks
     * @param cursor where the previous page ended
     * @param limit  page size
     * @return the page
     */
    public AccountPage mutes(Viewer viewer, Cursor cursor, int limit) {
        return list(AccountList.MUTES, viewer.accountId(), viewer.accountId(), cursor, limit);
    }

    /**
     * What stands between the viewer and an account (for a profile's follow, block and mute
     * buttons), in one query.
     *
     * @param viewer    who asks, empty when signed out
     * @param accountId the other account
     * @return the relationship; {@link Relationship#NONE} when signed out or for oneself
     */
    public Relationship relationship(Optional<Viewer> viewer, long accountId) {
        if (viewer.isEmpty() || viewer.get().accountId() == accountId) {
            return Relationship.NONE;
        }
        SocialDao.RelationshipRow row = dao.relationship(viewer.get().accountId(), accountId);
        String accepted = FollowState.ACCEPTED.key();
        String pending = FollowState.PENDING.key();
        return new Relationship(row.outgoing().filter(accepted::equals).isPresent(),
                row.outgoing().filter(pending::equals).isPresent(), row.incoming().filter(accepted::equals).isPresent(),
                row.incoming().filter(pending::equals).isPresent(), row.blocking() > 0, row.blockedBy() > 0,
                row.muting() > 0);
    }

    /**
     * Whether a block stands either way between two accounts.
     *
     * @param a one account
     * @param b the other
     * @return true when either blocks the other
     */
    public boolean blockedEitherWay(long a, long b) {
        return dao.blockedWith(a, b) > 0;
    }

    /** One page of a list, fetching one row beyond the limit to know whether another page follows. */
    AccountPage list(AccountList list, long ownerId, long viewerId, Cursor cursor, int limit) {
        return AccountPage.of(dao.accountList(list.table(), list.owner(), list.member(), list.condition(), ownerId,
                viewerId, cursor.at(), cursor.id(), limit + 1), limit);
    }

    private static void requireOther(Viewer viewer, Account target, String toSelf) {
        if (target.status() != AccountStatus.ACTIVE) {
            throw new SocialException(404, "No artist by that name here.");
        }
        if (target.id() == viewer.accountId()) {
            throw new SocialException(400, toSelf);
        }
    }

    private static SocialException noRequest() {
        return new SocialException(404, "That account has not asked to follow you.");
    }

    private static long viewerId(Optional<Viewer> viewer) {
        return viewer.map(Viewer::accountId).orElse(0L);
    }
}
