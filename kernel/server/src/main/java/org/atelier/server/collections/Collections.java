package org.atelier.server.collections;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.posts.Post;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.Posts;
import org.atelier.server.store.Cursor;
import org.atelier.server.store.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Bookmarks and albums. Every post a list returns goes through {@link Posts#load}, so what a
 * viewer may see is decided by the one visibility rule at read time, never copied. Every change to
 * an album's posts or cover first locks the album's row (in a read-committed transaction, so each
 * statement sees what the previous holder of the lock committed): appends, removals, reorders and
 * cover choices on one album therefore happen one after the other, and a unique index on
 * {@code (album_id, position)} backs that up. Thread-safe.
 */
public final class Collections {
    /** Most albums one account may have. */
    public static final int MAX_ALBUMS = 200;
    /** Most posts one album may hold. */
    public static final int MAX_ALBUM_POSTS = 1000;
    /** Longest album title. */
    public static final int MAX_TITLE = 200;
    /** Longest album description. */
    public static final int MAX_DESCRIPTION = 2000;

    /**
     * Who may see an album, as {@code <albumVisible>} (albums aliased {@code al}, the viewer bound
     * as {@code :viewerId}, 0 when signed out): public albums, or the viewer's own; and no block
     * either way between the viewer and the owner, as for posts.
     */
    static final String ALBUM_VISIBLE = "(al.visibility = 'public' OR al.owner_id = :viewerId)"
            + " AND NOT EXISTS (SELECT 1 FROM blocks ab WHERE (ab.account_id = al.owner_id AND ab.target_id = :viewerId)"
            + " OR (ab.account_id = :viewerId AND ab.target_id = al.owner_id))";

    private static final TransactionIsolationLevel READ_COMMITTED = TransactionIsolationLevel.READ_COMMITTED;
    private static final Base64.Encoder IDS = Base64.getUrlEncoder().withoutPadding();

    private final Jdbi jdbi;
    private final BookmarkDao bookmarks;
    private final AlbumDao albums;
    private final Posts posts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates the service.
     *
     * @param database the database
     * @param posts    the posts service, which decides what a viewer may see
     * @param clock    the clock
     */
    public Collections(Database database, Posts posts, Clock clock) {
        this.jdbi = database.jdbi();
        jdbi.getConfig(SqlStatements.class).define("albumVisible", ALBUM_VISIBLE);
        this.bookmarks = jdbi.onDemand(BookmarkDao.class);
        this.albums = jdbi.onDemand(AlbumDao.class);
        this.posts = posts;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------- bookmarks

    /**
     * Bookmarks a post the viewer may see; bookmarking it again changes nothing.
     *
     * @param viewer       the signed-in viewer
     * @param postPublicId the post
     * @throws org.atelier.server.posts.PostException 404 when the viewer may not see the post
     */
    public void bookmark(Viewer viewer, String postPublicId) {
        PostRecord post = posts.visibleRecord(Optional.of(viewer), postPublicId);
        bookmarks.insert(viewer.accountId(), post.id(), clock.instant());
    }

    /**
     * Takes a bookmark away; taking it away again changes nothing. A bookmark of a post the viewer
     * no longer sees can still be taken away.
     *
     * @param viewer       the signed-in viewer
     * @param postPublicId the post
     * @throws org.atelier.server.posts.PostException 404 when the viewer neither bookmarked nor may see the post
     */
    public void unbookmark(Viewer viewer, String postPublicId) {
        if (bookmarks.delete(viewer.accountId(), postPublicId) == 0) {
            // nothing to take away: still answer 404 for posts the viewer has no business naming
            posts.visibleRecord(Optional.of(viewer), postPublicId);
        }
    }

    /**
     * A page of the viewer's bookmarks, newest bookmark first. Posts the viewer may no longer see
     * are left out (and come back if they become visible again).
     *
     * @param viewer the signed-in viewer: nobody reads anyone else's bookmarks
     * @param cursor where the previous page ended
     * @param limit  page size, 1 to {@link Posts#MAX_PAGE}
     * @return the page
     */
    public Posts.Page bookmarks(Viewer viewer, Cursor cursor, int limit) {
        checkLimit(limit);
        return posts.page(Optional.of(viewer), List.of(),
                bookmarks.page(viewer.accountId(), cursor.at(), cursor.id(), limit + 1), limit);
    }

    /**
     * Which of a page's posts the viewer bookmarked, in one query (for the bookmark buttons).
     *
     * @param viewer  who asks, empty when signed out
     * @param postIds internal ids of the posts on the page
     * @return those the viewer bookmarked
     */
    public Set<Long> bookmarked(Optional<Viewer> viewer, List<Long> postIds) {
        if (viewer.isEmpty() || postIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(bookmarks.bookmarked(viewer.get().accountId(), postIds));
    }

    // ------------------------------------------------------------------------------------- albums

    /**
     * Creates an empty album.
     *
     * @param owner   the signed-in owner
     * @param changes its title (required), description and visibility (private unless given)
     * @return the album
     * @throws CollectionException 400 for a refused field, 409 beyond {@link #MAX_ALBUMS}
     */
    public Album create(Viewer owner, AlbumChanges changes) {
        String title = checkTitle(changes.title()
                .orElseThrow(() -> new CollectionException(400, "An album needs a title.")));
        String description = checkDescription(changes.description().orElse(""));
        AlbumVisibility visibility = checkVisibility(changes.visibility().orElse(AlbumVisibility.PRIVATE.key()));
        if (changes.cover().isPresent()) {
            throw new CollectionException(400, "A new album has no posts yet to choose a cover from.");
        }
        Instant now = clock.instant();
        String publicId = newPublicId();
        long id = jdbi.inTransaction(READ_COMMITTED, h -> {
            AlbumDao tx = h.attach(AlbumDao.class);
            tx.lockAccount(owner.accountId());
            if (tx.countOwned(owner.accountId()) >= MAX_ALBUMS) {
                throw new CollectionException(409, "An account has at most " + MAX_ALBUMS
                        + " albums; delete one before making another.");
            }
            return tx.insert(publicId, owner.accountId(), title, description, visibility.key(), now);
        });
        return summaries(Optional.of(owner), List.of(id)).get(0);
    }

    /**
     * An album with one page of its posts. Private albums are their owner's alone.
     *
     * @param viewer        who asks, empty when signed out
     * @param albumPublicId the album
     * @param cursor        where the previous page ended ({@link Cursor#START} for the first)
     * @param limit         page size, 1 to {@link Posts#MAX_PAGE}
     * @return the album and the page
     * @throws CollectionException 404 when the viewer may not see the album
     */
    public AlbumDetail album(Optional<Viewer> viewer, String albumPublicId, Cursor cursor, int limit) {
        checkLimit(limit);
        long id = albums.visibleId(albumPublicId, viewerId(viewer)).orElseThrow(CollectionException::albumNotFound);
        Album album = summaries(viewer, List.of(id)).get(0);
        // album pages go up the owner's order: the token carries the last position shown as its id
        long after = cursor.equals(Cursor.START) ? -1 : cursor.id();
        List<AlbumDao.Slot> rows = albums.page(id, viewerId(viewer), after, limit + 1);
        List<Long> ids = rows.stream().limit(limit).map(AlbumDao.Slot::postId).toList();
        Optional<String> next = rows.size() > limit
                ? Optional.of(new Cursor(Instant.EPOCH, rows.get(limit - 1).position()).token()) : Optional.empty();
        return new AlbumDetail(album, new Posts.Page(posts.load(viewer, ids), next));
    }

    /**
     * An artist's albums the viewer may see (the owner sees the private ones too), most recently
     * changed first. An account has at most {@link #MAX_ALBUMS}, so this is one list.
     *
     * @param viewer  who asks
     * @param ownerId the artist
     * @return the albums
     */
    public List<Album> albumsOf(Optional<Viewer> viewer, long ownerId) {
        return summaries(viewer, albums.ownerAlbums(ownerId, viewerId(viewer)));
    }

    /**
     * The viewer's own albums that hold a post (for "add to album").
     *
     * @param viewer the signed-in viewer
     * @param postId the post's internal id
     * @return the albums, most recently changed first
     */
    public List<Album> albumsContaining(Viewer viewer, long postId) {
        return summaries(Optional.of(viewer), albums.containing(viewer.accountId(), postId));
    }

    /**
     * Edits an album's title, description, visibility or cover.
     *
     * @param owner         the signed-in owner
     * @param albumPublicId the album
     * @param changes       what changes
     * @return the album after the edit
     * @throws CollectionException 404 when the album is not the owner's; 400 for a refused field
     *                             (nothing changes then)
     */
    public Album update(Viewer owner, String albumPublicId, AlbumChanges changes) {
        Optional<String> title = changes.title().map(this::checkTitle);
        Optional<String> description = changes.description().map(this::checkDescription);
        Optional<AlbumVisibility> visibility = changes.visibility().map(this::checkVisibility);
        if (changes.clearCover() && changes.cover().isPresent()) {
            throw new CollectionException(400, "Choose a cover or clear it, not both.");
        }
        long id = jdbi.inTransaction(READ_COMMITTED, h -> {
            AlbumDao tx = h.attach(AlbumDao.class);
            long albumId = tx.lockOwned(albumPublicId, owner.accountId()).orElseThrow(CollectionException::albumNotFound);
            AlbumRecord old = tx.byIds(List.of(albumId)).get(0);
            Long cover = old.coverPostId().orElse(null);
            if (changes.clearCover()) {
                cover = null;
            } else if (changes.cover().isPresent()) {
                cover = tx.member(albumId, changes.cover().get(), owner.accountId())
                        .filter(AlbumDao.Slot::visibleToViewer).map(AlbumDao.Slot::postId)
                        .orElseThrow(() -> new CollectionException(400, "The cover must be one of the album's posts."));
            }
            tx.update(albumId, title.orElse(old.title()), description.orElse(old.description()),
                    visibility.orElse(old.visibilityValue()).key(), cover, clock.instant());
            return albumId;
        });
        return summaries(Optional.of(owner), List.of(id)).get(0);
    }

    /**
     * Deletes an album (never its posts).
     *
     * @param owner         the signed-in owner
     * @param albumPublicId the album
     * @throws CollectionException 404 when the album is not the owner's
     */
    public void delete(Viewer owner, String albumPublicId) {
        if (albums.delete(albumPublicId, owner.accountId()) == 0) {
            throw CollectionException.albumNotFound();
        }
    }

    /**
     * Appends a post the owner may see (the owner's own or anyone else's) to the owner's album;
     * adding a post already there changes nothing.
     *
     * @param owner         the signed-in owner
     * @param albumPublicId the album
     * @param postPublicId  the post
     * @return true when added, false when it was already there
     * @throws CollectionException 404 when the album is not the owner's; 409 beyond {@link #MAX_ALBUM_POSTS}
     * @throws org.atelier.server.posts.PostException 404 when the owner may not see the post
     */
    public boolean add(Viewer owner, String albumPublicId, String postPublicId) {
        // the album first, so that someone else's album is a 404 whatever the post; and the post's
        // visibility before the transaction, so no request holds a lock while waiting for a connection
        albums.ownedId(albumPublicId, owner.accountId()).orElseThrow(CollectionException::albumNotFound);
        PostRecord post = posts.visibleRecord(Optional.of(owner), postPublicId);
        return jdbi.inTransaction(READ_COMMITTED, h -> {
            AlbumDao tx = h.attach(AlbumDao.class);
            long albumId = tx.lockOwned(albumPublicId, owner.accountId()).orElseThrow(CollectionException::albumNotFound);
            if (tx.contains(albumId, post.id()) > 0) {
                return false;
            }
            if (tx.countPosts(albumId) >= MAX_ALBUM_POSTS) {
                throw new CollectionException(409, "An album holds at most " + MAX_ALBUM_POSTS
                        + " posts; start another one.");
            }
            Instant now = clock.instant();
            tx.insertPost(albumId, post.id(), tx.lastPosition(albumId) + 1, now);
            tx.touch(albumId, now);
            return true;
        });
    }

    /**
     * Takes a post out of an album (whether or not the owner may still see it); if it was the
     * chosen cover, the cover goes back to the first visible post.
     *
     * @param owner         the signed-in owner
     * @param albumPublicId the album
     * @param postPublicId  the post
     * @throws CollectionException 404 when the album is not the owner's or the post is not in it
     */
    public void remove(Viewer owner, String albumPublicId, String postPublicId) {
        jdbi.useTransaction(READ_COMMITTED, h -> {
            AlbumDao tx = h.attach(AlbumDao.class);
            long albumId = tx.lockOwned(albumPublicId, owner.accountId()).orElseThrow(CollectionException::albumNotFound);
            long postId = tx.member(albumId, postPublicId, owner.accountId()).map(AlbumDao.Slot::postId)
                    .orElseThrow(() -> new CollectionException(404, "That post is not in this album."));
            tx.removePost(albumId, postId);
            tx.clearCover(albumId, postId);
            tx.touch(albumId, clock.instant());
        });
    }

    /**
     * Puts an album's posts in a new order, in one transaction. The list must name each post of
     * the album that the owner may see exactly once, and nothing else; posts the owner can no
     * longer see keep their places among them.
     *
     * @param owner         the signed-in owner
     * @param albumPublicId the album
     * @param postPublicIds the posts in their new order
     * @throws CollectionException 404 when the album is not the owner's; 400 when the list is not
     *                             exactly the album's posts (nothing changes then)
     */
    public void reorder(Viewer owner, String albumPublicId, List<String> postPublicIds) {
        if (postPublicIds.size() > MAX_ALBUM_POSTS) {
            throw new CollectionException(400, "An album holds at most " + MAX_ALBUM_POSTS + " posts.");
        }
        Set<String> given = new LinkedHashSet<>(postPublicIds);
        if (given.size() != postPublicIds.size()) {
            throw new CollectionException(400, "The new order lists a post more than once.");
        }
        jdbi.useTransaction(READ_COMMITTED, h -> {
            AlbumDao tx = h.attach(AlbumDao.class);
            long albumId = tx.lockOwned(albumPublicId, owner.accountId()).orElseThrow(CollectionException::albumNotFound);
            List<AlbumDao.Slot> slots = tx.slots(albumId, owner.accountId());
            Map<String, Long> shown = new LinkedHashMap<>();
            slots.stream().filter(AlbumDao.Slot::visibleToViewer).forEach(s -> shown.put(s.publicId(), s.postId()));
            checkSameSet(shown.keySet(), given);
            Iterator<String> next = postPublicIds.iterator();
            List<Long> order = new ArrayList<>();
            for (AlbumDao.Slot slot : slots) {
                order.add(slot.visibleToViewer() ? shown.get(next.next()) : slot.postId());
            }
            tx.parkPositions(albumId);
            tx.setPositions(albumId, order, IntStream.range(0, order.size()).boxed().toList());
            tx.touch(albumId, clock.instant());
        });
    }

    private static void checkSameSet(Set<String> album, Set<String> given) {
        List<String> missing = album.stream().filter(id -> !given.contains(id)).toList();
        List<String> extra = given.stream().filter(id -> !album.contains(id)).toList();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            StringBuilder message = new StringBuilder("The new order must list exactly the album's posts.");
            if (!missing.isEmpty()) {
                message.append(" Missing: ").append(clip(missing)).append('.');
            }
            if (!extra.isEmpty()) {
                message.append(" Not in the album: ").append(clip(extra)).append('.');
            }
            throw new CollectionException(400, message.toString());
        }
    }

    /** Albums as the viewer sees them, in the given order: records, covers and counts in three reads. */
    private List<Album> summaries(Optional<Viewer> viewer, List<Long> albumIds) {
        if (albumIds.isEmpty()) {
            return List.of();
        }
        Map<Long, AlbumRecord> records = albums.byIds(albumIds).stream()
                .collect(Collectors.toMap(AlbumRecord::id, r -> r));
        Map<Long, AlbumDao.Seen> seen = albums.seen(albumIds, viewerId(viewer)).stream()
                .collect(Collectors.toMap(AlbumDao.Seen::albumId, s -> s));
        Set<Long> candidates = new HashSet<>();
        records.values().forEach(r -> r.coverPostId().ifPresent(candidates::add));
        seen.values().forEach(s -> candidates.add(s.firstPostId()));
        Map<Long, Post> covers = new HashMap<>();
        posts.load(viewer, List.copyOf(candidates)).forEach(p -> covers.put(p.record().id(), p));
        List<Album> result = new ArrayList<>();
        for (long id : albumIds) {
            AlbumRecord record = records.get(id);
            if (record == null) {
                continue; // deleted since its id was read
            }
            Optional<AlbumDao.Seen> first = Optional.ofNullable(seen.get(id));
            Optional<Post> cover = record.coverPostId().map(covers::get)
                    .or(() -> first.map(s -> covers.get(s.firstPostId())));
            result.add(new Album(record, cover, first.map(AlbumDao.Seen::visibleCount).orElse(0)));
        }
        return result;
    }

    private String checkTitle(String raw) {
        String title = raw.strip();
        if (title.isEmpty()) {
            throw new CollectionException(400, "An album needs a title.");
        }
        // length() counts UTF-16 units, never fewer than characters: what fits is what both databases store
        if (title.length() > MAX_TITLE) {
            throw new CollectionException(400, "An album title is at most " + MAX_TITLE + " characters.");
        }
        if (title.chars().anyMatch(Character::isISOControl)) {
            throw new CollectionException(400, "An album title is one line of text.");
        }
        return title;
    }

    private String checkDescription(String raw) {
        String description = raw.strip();
        if (description.length() > MAX_DESCRIPTION) {
            throw new CollectionException(400, "An album description is at most " + MAX_DESCRIPTION + " characters.");
        }
        return description;
    }

    private AlbumVisibility checkVisibility(String key) {
        return AlbumVisibility.of(key)
                .orElseThrow(() -> new CollectionException(400, "An album's visibility is public or private."));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > Posts.MAX_PAGE) {
            throw new CollectionException(400, "A page holds from 1 to " + Posts.MAX_PAGE + " posts.");
        }
    }

    private static String clip(List<String> ids) {
        String joined = ids.stream().limit(5).map(id -> id.length() > 40 ? id.substring(0, 40) + "…" : id)
                .collect(Collectors.joining(", "));
        return ids.size() > 5 ? joined + " and " + (ids.size() - 5) + " more" : joined;
    }

    private static long viewerId(Optional<Viewer> viewer) {
        return viewer.map(Viewer::accountId).orElse(0L);
    }

    private String newPublicId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return IDS.encodeToString(bytes);
    }
}
