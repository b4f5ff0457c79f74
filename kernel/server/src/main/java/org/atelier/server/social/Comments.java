package org.atelier.server.social;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.atelier.plugin.api.web.Access;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.posts.PostException;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.Posts;
import org.atelier.server.store.Cursor;
import org.atelier.server.store.Database;
import org.atelier.server.text.MarkdownRenderer;
import org.atelier.server.text.RenderedText;
import org.atelier.server.text.TextTooLongException;
import org.jdbi.v3.core.Jdbi;

/**
 * Comments on posts, threaded: a comment replies to the post or to another comment of the same
 * post. Only people who may see the post comment on it (so a block with its artist, either way,
 * stops them), and nobody replies across a block. A deleted comment that has replies stays as a
 * placeholder so the thread holds; one without replies is removed, with any placeholders above it
 * that are left without replies. {@code posts.comment_count} counts the comments that are not
 * deleted, changed in the same transaction. Thread-safe.
 */
public final class Comments {
    /** Longest comment, in characters. */
    public static final int MAX_LENGTH = 5_000;
    /** Deepest indentation shown; deeper replies are shown at this depth, under their thread. */
    public static final int MAX_DEPTH = 8;
    /** Most top-level comments on one page of a thread. */
    public static final int MAX_PAGE = 60;

    private static final String COUNTER = "comment_count";
    private static final Base64.Encoder IDS = Base64.getUrlEncoder().withoutPadding();

    private final Jdbi jdbi;
    private final CommentDao dao;
    private final Posts posts;
    private final Notifications notifications;
    private final Clock clock;
    private final MarkdownRenderer markdown = MarkdownRenderer.withMaxLength(MAX_LENGTH);
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates the service.
     *
     * @param database      the database
     * @param posts         the posts, for what the viewer may see
     * @param notifications where authors and mentioned people are told
     * @param clock         the clock
     */
    public Comments(Database database, Posts posts, Notifications notifications, Clock clock) {
        this.jdbi = database.jdbi();
        SocialSql.install(jdbi);
        this.dao = jdbi.onDemand(CommentDao.class);
        this.posts = posts;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Comments on a post, or replies to one of its comments. The post's author is notified, and so
     * is the author of the comment replied to; local accounts the text mentions are notified if
     * they may see the post.
     *
     * @param author       who writes
     * @param postPublicId the post
     * @param body         the Markdown text, at most {@value #MAX_LENGTH} characters
     * @param inReplyTo    the public id of the comment replied to, if any
     * @return the comment as its thread shows it
     * @throws PostException    404 when the author may not see the post
     * @throws SocialException 400 for an empty or too long text or a reply to a comment not on this
     *                         post (or deleted), 403 for a reply across a block
     */
    public CommentView create(Viewer author, String postPublicId, String body, Optional<String> inReplyTo) {
        PostRecord post = PublishedPosts.visible(posts, Optional.of(author), postPublicId);
        RenderedText text = render(body);
        Optional<CommentRow> parent = inReplyTo.map(id -> parent(author, post, id));
        Instant now = clock.instant();
        String publicId = newPublicId();
        long id = jdbi.inTransaction(h -> {
            h.attach(PostCounterDao.class).lock(COUNTER, post.id()).orElseThrow(PostException::notFound);
            CommentDao tx = h.attach(CommentDao.class);
            // the parent may have been deleted while this was written; the post's lock settles it
            if (parent.isPresent() && tx.link(parent.get().id()).filter(l -> !l.deleted()).isEmpty()) {
                throw new SocialException(400, "The comment you reply to was deleted.");
            }
            long newId = tx.insert(publicId, post.id(), author.accountId(), parent.map(CommentRow::id).orElse(null),
                    parent.map(CommentRow::threadRoot).orElse(null), body, text.html(), now);
            h.attach(PostCounterDao.class).adjust(COUNTER, post.id(), 1);
            return newId;
        });
        Set<Long> told = new LinkedHashSet<>();
        told.add(post.authorId());
        notifications.notify(NotificationKind.COMMENT, post.authorId(), author.accountId(), post.id(), id);
        parent.filter(p -> told.add(p.authorId())).ifPresent(p ->
                notifications.notify(NotificationKind.COMMENT, p.authorId(), author.accountId(), post.id(), id));
        notifications.mentions(author.accountId(), post, id, text.mentions(), told);
        long root = parent.map(CommentRow::threadRoot).orElse(id);
        return readingOrder(Optional.of(author), dao.threads(List.of(root), author.accountId())).stream()
                .filter(c -> c.id().equals(publicId)).findFirst().orElseThrow(PostException::notFound);
    }

    /**
     * A page of a post's comments: top-level comments oldest first, each followed by all its
     * replies (each reply under its parent, oldest first), flat with parent ids and depths.
     *
     * @param viewer       who reads, empty when signed out
     * @param postPublicId the post
     * @param after        where the previous page ended ({@link Cursor#START} for the first page)
     * @param limit        top-level comments on the page, 1 to {@value #MAX_PAGE}
     * @return the page
     * @throws PostException 404 when the viewer may not see the post
     */
    public CommentView.Thread thread(Optional<Viewer> viewer, String postPublicId, Cursor after, int limit) {
        PostRecord post = PublishedPosts.visible(posts, viewer, postPublicId);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<Long> roots = dao.roots(post.id(), after.equals(Cursor.START) ? 0 : after.id(), size + 1);
        List<Long> shown = roots.subList(0, Math.min(roots.size(), size));
        if (shown.isEmpty()) {
            return new CommentView.Thread(List.of(), Optional.empty());
        }
        List<CommentRow> rows = dao.threads(shown, viewer.map(Viewer::accountId).orElse(0L));
        Optional<String> next = Optional.empty();
        if (roots.size() > size) {
            long lastRoot = shown.get(shown.size() - 1);
            Instant at = rows.stream().filter(r -> r.id() == lastRoot).findFirst().map(CommentRow::createdAt)
                    .orElse(Instant.EPOCH);
            next = Optional.of(new Cursor(at, lastRoot).token());
        }
        return new CommentView.Thread(readingOrder(viewer, rows), next);
    }

    /**
     * Deletes a comment: its author may, the post's artist may, and so may moderators and admins.
     *
     * @param actor    who deletes
     * @param publicId the comment
     * @throws SocialException 404 for an unknown (or already deleted) comment, 403 for anyone else
     */
    public void delete(Viewer actor, String publicId) {
        CommentRow comment = dao.byPublicId(publicId, actor.accountId()).filter(c -> !c.deleted())
                .orElseThrow(Comments::notFound);
        if (!mayDelete(actor, comment)) {
            // only someone who may see the post learns that the comment exists
            posts.visibleRecord(Optional.of(actor), comment.postPublicId());
            throw new SocialException(403, "Only the comment's author, the artist who posted or a moderator can"
                    + " delete this comment.");
        }
        jdbi.useTransaction(h -> {
            PostCounterDao counters = h.attach(PostCounterDao.class);
            counters.lock(COUNTER, comment.postId()).orElseThrow(Comments::notFound);
            CommentDao tx = h.attach(CommentDao.class);
            CommentDao.Link link = tx.link(comment.id()).filter(l -> !l.deleted()).orElseThrow(Comments::notFound);
            if (link.replies() > 0) {
                tx.markDeleted(link.id());
            } else {
                tx.delete(link.id());
                prune(tx, link.parentId());
            }
            counters.adjust(COUNTER, comment.postId(), -1);
        });
        notifications.withdrawComment(comment.id());
    }

    /** Removes placeholders left without replies, walking up from a removed comment's parent. */
    private static void prune(CommentDao tx, Optional<Long> parentId) {
        Optional<CommentDao.Link> parent = parentId.flatMap(tx::link);
        while (parent.isPresent() && parent.get().deleted() && parent.get().replies() == 0) {
            tx.delete(parent.get().id());
            parent = parent.get().parentId().flatMap(tx::link);
        }
    }

    private static boolean mayDelete(Viewer actor, CommentRow comment) {
        return comment.authorId() == actor.accountId() || comment.postAuthorId() == actor.accountId()
                || actor.may(Access.MODERATOR);
    }

    private RenderedText render(String body) {
        if (body == null || body.isBlank()) {
            throw new SocialException(400, "Write something first: a comment cannot be empty.");
        }
        if (body.length() > MAX_LENGTH) {
            throw new SocialException(400, "A comment is at most " + MAX_LENGTH + " characters; this one has "
                    + body.length() + ".");
        }
        try {
            return markdown.render(body);
        } catch (TextTooLongException e) {
            throw new SocialException(400, e.getMessage());
        }
    }

    /** The comment replied to: on the same post, not deleted, and no block with its author. */
    private CommentRow parent(Viewer author, PostRecord post, String publicId) {
        CommentRow parent = dao.byPublicId(publicId, author.accountId()).filter(c -> c.postId() == post.id())
                .orElseThrow(() -> new SocialException(400, "The comment you reply to is not on this post."));
        if (parent.deleted()) {
            throw new SocialException(400, "The comment you reply to was deleted.");
        }
        if (parent.hidden()) {
            throw new SocialException(403, "You cannot reply to this comment.");
        }
        return parent;
    }

    /**
     * Orders rows (oldest first, as read) into reading order: each top-level comment, then its
     * replies depth first. Iterative, so a very long chain of replies cannot exhaust the stack.
     */
    private static List<CommentView> readingOrder(Optional<Viewer> viewer, List<CommentRow> rows) {
        Map<Long, List<CommentRow>> replies = new HashMap<>();
        Map<Long, String> publicIds = new HashMap<>();
        List<CommentRow> tops = new ArrayList<>();
        for (CommentRow row : rows) {
            publicIds.put(row.id(), row.publicId());
            if (row.parentId().isEmpty()) {
                tops.add(row);
            } else {
                replies.computeIfAbsent(row.parentId().get(), k -> new ArrayList<>()).add(row);
            }
        }
        List<CommentView> ordered = new ArrayList<>();
        Deque<Placed> stack = new ArrayDeque<>();
        for (int i = tops.size() - 1; i >= 0; i--) {
            stack.push(new Placed(tops.get(i), 0));
        }
        while (!stack.isEmpty()) {
            Placed placed = stack.pop();
            ordered.add(view(viewer, placed.row(), placed.depth(), placed.row().parentId().map(publicIds::get)));
            List<CommentRow> children = replies.getOrDefault(placed.row().id(), List.of());
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(new Placed(children.get(i), placed.depth() + 1));
            }
        }
        return ordered;
    }

    private static CommentView view(Optional<Viewer> viewer, CommentRow row, int depth, Optional<String> parentId) {
        CommentState state = row.deleted() ? CommentState.DELETED : row.hidden() ? CommentState.HIDDEN
                : CommentState.VISIBLE;
        boolean shown = state == CommentState.VISIBLE;
        return new CommentView(row.publicId(), parentId, Math.min(depth, MAX_DEPTH), state,
                shown ? Optional.of(row.authorUsername()) : Optional.empty(),
                shown ? Optional.of(row.authorName()) : Optional.empty(), shown ? row.body() : "",
                shown ? row.bodyHtml() : "", row.createdAt(),
                !row.deleted() && viewer.filter(v -> mayDelete(v, row)).isPresent());
    }

    /** A row with the depth it is shown at. */
    private record Placed(CommentRow row, int depth) {
    }

    private static SocialException notFound() {
        return new SocialException(404, "No such comment.");
    }

    private String newPublicId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return IDS.encodeToString(bytes);
    }
}
