package org.atelier.server.posts;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atelier.plugin.api.web.Role;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.media.MediaLibrary;
import org.atelier.server.store.Cursor;
import org.atelier.server.store.Database;
import org.atelier.server.store.InstanceSettings;
import org.atelier.server.text.Hashtag;
import org.atelier.server.text.MarkdownRenderer;
import org.atelier.server.text.Mention;
import org.atelier.server.text.RenderedText;
import org.atelier.server.text.Tags;
import org.atelier.server.text.TextTooLongException;
import org.jdbi.v3.core.Jdbi;

/**
 * Posts: create, edit, publish, delete, and read them as a viewer may. Every rule about what a
 * post may hold lives here, so the API and the pages refuse the same things with the same
 * words; every read goes through {@link PostVisibility}. Thread-safe.
 */
public final class Posts {
    /** Most images in a post. */
    public static final int MAX_IMAGES = 20;
    /** Most embed links in a post. */
    public static final int MAX_EMBEDS = 10;
    /** Longest title. */
    public static final int MAX_TITLE = 200;
    /** Longest content warning. */
    public static final int MAX_WARNING = 300;
    /** Most pinned portfolio posts. */
    public static final int MAX_PINNED = 6;
    /** Longest page a list returns. */
    public static final int MAX_PAGE = 60;
    /** The instance setting that makes alt text required on every image ({@code true}/{@code false}). */
    public static final String ALT_TEXT_REQUIRED = "posts.alt_text_required";

    private static final Base64.Encoder IDS = Base64.getUrlEncoder().withoutPadding();

    private final Jdbi jdbi;
    private final PostDao dao;
    private final MediaLibrary media;
    private final InstanceSettings settings;
    private final Clock clock;
    private final MarkdownRenderer markdown = MarkdownRenderer.forDescriptions();
    private final List<PostEvents> listeners = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private final PostContentCache contents;

    /**
     * Creates the service.
     *
     * @param database the database
     * @param media    the images posts attach
     * @param settings instance settings (alt text requirement)
     * @param clock    the clock
     */
    public Posts(Database database, MediaLibrary media, InstanceSettings settings, Clock clock) {
        this.jdbi = database.jdbi();
        PostVisibility.install(jdbi);
        this.dao = jdbi.onDemand(PostDao.class);
        this.media = media;
        this.settings = settings;
        this.clock = clock;
        this.contents = new PostContentCache(clock);
    }

    /**
     * Adds a listener told about published, edited and deleted posts.
     *
     * @param listener the listener
     */
    public void addListener(PostEvents listener) {
        listeners.add(listener);
    }

    /** @return whether this instance asks for alt text on every image of a published post */
    public boolean altTextRequired() {
        return settings.get(ALT_TEXT_REQUIRED).map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * Sets whether alt text is required (the API checks the actor is an admin).
     *
     * @param required the new setting
     */
    public void setAltTextRequired(boolean required) {
        settings.put(ALT_TEXT_REQUIRED, Boolean.toString(required));
    }

    /**
     * Creates a post.
     *
     * @param author  the signed-in artist
     * @param changes what it holds (absent fields take their defaults)
     * @param publish true to publish now, false to keep it a draft
     * @return the post
     * @throws PostException when something in it is refused (nothing is stored then)
     */
    public Post create(Viewer author, PostChanges changes, boolean publish) {
        boolean noAiDefault = dao.noAiDefault(author.accountId()).orElse(true);
        Draft draft = new Draft(changes.title().orElse(""), changes.description().orElse(""),
                changes.tags().orElse(List.of()), changes.media().orElse(List.of()), changes.embeds().orElse(List.of()),
                changes.sensitive().orElse(false), changes.contentWarning().orElse(""),
                changes.licence().orElse(Licence.ALL_RIGHTS_RESERVED.key()),
                changes.visibility().orElse(Visibility.PUBLIC.key()), changes.noAiTraining().orElse(noAiDefault),
                changes.inPortfolio().orElse(true), changes.pinned().orElse(false));
        Checked checked = check(author, draft, 0, publish);
        Instant now = clock.instant();
        String publicId = newPublicId();
        long id = jdbi.inTransaction(h -> {
            PostDao tx = h.attach(PostDao.class);
            long postId = tx.insert(checked.row(0, publicId, author.accountId(), publish ? "published" : "draft", now,
                    publish ? now : null));
            writeChildren(tx, postId, checked, publish ? now : null);
            return postId;
        });
        PostRecord record = dao.byPublicId(publicId).orElseThrow();
        if (publish) {
            listeners.forEach(l -> l.published(record, checked.text().mentions()));
        }
        return assemble(List.of(record)).get(0);
    }

    /**
     * Edits a post: only the author may. Images can be added, removed and reordered by giving the
     * new list; images taken out of the post are deleted.
     *
     * @param editor   the signed-in artist
     * @param publicId the post
     * @param changes  what changes
     * @param publish  true to publish a draft now (published posts stay published)
     * @return the post after the edit
     * @throws PostException 404 when the post is not the editor's; 400 when the edit is refused
     */
    public Post update(Viewer editor, String publicId, PostChanges changes, boolean publish) {
        PostRecord old = dao.byPublicId(publicId).filter(p -> p.authorId() == editor.accountId())
                .orElseThrow(PostException::notFound);
        contents.forget(old.id()); // what the edit replaces must be read fresh, not from the cache
        Post current = assemble(List.of(old)).get(0);
        Draft draft = new Draft(changes.title().orElse(old.title()), changes.description().orElse(old.description()),
                changes.tags().orElse(explicitTags(current)),
                changes.media().orElse(current.images().stream().map(PostImage::publicId).toList()),
                changes.embeds().orElse(current.embeds()), changes.sensitive().orElse(old.isSensitive()),
                changes.contentWarning().orElse(old.contentWarning()), changes.licence().orElse(old.licence()),
                changes.visibility().orElse(old.visibility()), changes.noAiTraining().orElse(old.noAiTraining()),
                changes.inPortfolio().orElse(old.inPortfolio()), changes.pinned().orElse(old.pinned()));
        boolean published = old.published() || publish;
        Checked checked = check(editor, draft, old.id(), published);
        Instant now = clock.instant();
        Instant publishedAt = old.publishedAt().orElse(published ? now : null);
        Set<String> kept = new HashSet<>(checked.mediaIds().values().stream().map(PostDao.Attachable::publicId).toList());
        List<String> removed = current.images().stream().map(PostImage::publicId).filter(id -> !kept.contains(id)).toList();
        jdbi.useTransaction(h -> {
            PostDao tx = h.attach(PostDao.class);
            tx.update(checked.row(old.id(), old.publicId(), old.authorId(), published ? "published" : "draft", now,
                    publishedAt));
            tx.deleteMedia(old.id());
            tx.deleteEmbeds(old.id());
            tx.deleteTags(old.id());
            writeChildren(tx, old.id(), checked, publishedAt);
        });
        contents.forget(old.id());
        for (String id : removed) {
            media.deleteOwned(old.authorId(), id);
        }
        PostRecord record = dao.byPublicId(publicId).orElseThrow();
        if (published && !old.published()) {
            listeners.forEach(l -> l.published(record, checked.text().mentions()));
        } else if (published) {
            Set<String> before = markdown.render(old.description()).mentions().stream().map(Mention::key)
                    .collect(Collectors.toSet());
            List<Mention> added = checked.text().mentions().stream().filter(m -> !before.contains(m.key())).toList();
            listeners.forEach(l -> l.edited(record, added));
        }
        return assemble(List.of(record)).get(0);
    }

    /**
     * Deletes a post with its images: the author may, and so may moderators and admins.
     *
     * @param actor    who deletes
     * @param publicId the post
     * @throws PostException 404 when the post does not exist or is not the actor's to delete
     */
    public void delete(Viewer actor, String publicId) {
        boolean moderator = actor.role() == Role.ADMIN || actor.role() == Role.MODERATOR;
        PostRecord post = dao.byPublicId(publicId)
                .filter(p -> p.authorId() == actor.accountId() || (moderator && p.published()))
                .orElseThrow(PostException::notFound);
        contents.forget(post.id()); // the images to delete must be read fresh, not from the cache
        List<PostImage> images = assemble(List.of(post)).get(0).images();
        dao.delete(post.id());
        contents.forget(post.id());
        for (PostImage image : images) {
            media.deleteOwned(post.authorId(), image.publicId());
        }
        listeners.forEach(l -> l.deleted(post));
    }

    /**
     * One post, if the viewer may see it: published and visible, or the viewer's own draft.
     *
     * @param viewer   who asks, empty when signed out
     * @param publicId the post
     * @return the post
     * @throws PostException 404 otherwise (the same answer whether it exists or not)
     */
    public Post find(Optional<Viewer> viewer, String publicId) {
        PostRecord post = dao.byPublicId(publicId).orElseThrow(PostException::notFound);
        List<Post> visible = post.published() ? load(viewer, List.of(post.id()))
                : viewer.filter(v -> v.accountId() == post.authorId()).map(v -> assemble(List.of(post))).orElse(List.of());
        if (visible.isEmpty()) {
            throw PostException.notFound();
        }
        return visible.get(0);
    }

    /**
     * The internal id of a post the viewer may see (for bookmarks, likes, albums…).
     *
     * @param viewer   who asks
     * @param publicId the post
     * @return the post's row
     * @throws PostException 404 when it does not exist or is not visible to the viewer
     */
    public PostRecord visibleRecord(Optional<Viewer> viewer, String publicId) {
        return find(viewer, publicId).record();
    }

    /**
     * Loads posts for a list, keeping the given order and dropping those the viewer may not see.
     *
     * @param viewer  who asks
     * @param postIds internal ids, in display order
     * @return the visible posts, in that order
     */
    public List<Post> load(Optional<Viewer> viewer, List<Long> postIds) {
        if (postIds.isEmpty()) {
            return List.of();
        }
        Map<Long, PostRecord> byId = new HashMap<>();
        for (PostRecord r : dao.visibleByIds(postIds, viewerId(viewer))) {
            byId.put(r.id(), r);
        }
        List<PostRecord> ordered = postIds.stream().map(byId::get).filter(java.util.Objects::nonNull).distinct().toList();
        return assemble(ordered);
    }

    /**
     * Completes rows with their content, for a list whose query read the rows itself with the
     * visibility rule ({@code <postVisible>}, the check {@link #load} makes) — the home timeline's
     * page does, to spare a second query.
     *
     * @param visible rows the viewer may see, in display order
     * @return the posts, in that order
     */
    public List<Post> withContent(List<PostRecord> visible) {
        return assemble(visible);
    }

    /**
     * A page of all an artist's published posts the viewer may see, newest first (an outbox).
     *
     * @param viewer   who asks
     * @param authorId the artist
     * @param cursor   where the previous page ended
     * @param limit    page size
     * @return the page
     */
    public Page published(Optional<Viewer> viewer, long authorId, Cursor cursor, int limit) {
        return page(viewer, List.of(), dao.authorPosts(authorId, viewerId(viewer), cursor.at(), cursor.id(),
                pageSize(limit)), limit);
    }

    /**
     * @param viewer   who asks
     * @param authorId the artist
     * @return how many of the artist's published posts the viewer may see
     */
    public long countPublished(Optional<Viewer> viewer, long authorId) {
        return dao.countAuthorPosts(authorId, viewerId(viewer));
    }

    /**
     * An artist's pinned works the viewer may see, newest first.
     *
     * @param viewer   who asks
     * @param authorId the artist
     * @return the posts
     */
    public List<Post> pinned(Optional<Viewer> viewer, long authorId) {
        return load(viewer, dao.pinnedPortfolio(authorId, viewerId(viewer), MAX_PINNED));
    }

    /**
     * A page of an artist's portfolio as the viewer may see it: pinned works first (on the first
     * page), then newest first.
     *
     * @param viewer   who asks
     * @param authorId the artist
     * @param cursor   where the previous page ended
     * @param limit    page size
     * @return the page
     */
    public Page portfolio(Optional<Viewer> viewer, long authorId, Cursor cursor, int limit) {
        List<Long> ids = new ArrayList<>();
        if (cursor.equals(Cursor.START)) {
            ids.addAll(dao.pinnedPortfolio(authorId, viewerId(viewer), MAX_PINNED));
        }
        return page(viewer, ids, dao.authorPage(authorId, true, viewerId(viewer), cursor.at(), cursor.id(),
                pageSize(limit)), limit);
    }

    /**
     * A page of an artist's posts that are not in the portfolio, newest first.
     *
     * @param viewer   who asks
     * @param authorId the artist
     * @param cursor   where the previous page ended
     * @param limit    page size
     * @return the page
     */
    public Page otherPosts(Optional<Viewer> viewer, long authorId, Cursor cursor, int limit) {
        return page(viewer, new ArrayList<>(), dao.authorPage(authorId, false, viewerId(viewer), cursor.at(),
                cursor.id(), pageSize(limit)), limit);
    }

    /**
     * A page of the viewer's own drafts, newest first.
     *
     * @param viewer the artist
     * @param cursor where the previous page ended
     * @param limit  page size
     * @return the page
     */
    public Page drafts(Viewer viewer, Cursor cursor, int limit) {
        List<PostDao.Keyed> rows = dao.drafts(viewer.accountId(), cursor.at(), cursor.id(), pageSize(limit));
        List<PostDao.Keyed> shown = rows.subList(0, Math.min(rows.size(), limit));
        List<Long> ids = shown.stream().map(PostDao.Keyed::id).toList();
        Map<Long, PostRecord> byId = ids.isEmpty() ? Map.of() : dao.draftsByIds(ids, viewer.accountId()).stream()
                .collect(Collectors.toMap(PostRecord::id, Function.identity()));
        List<Post> posts = assemble(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
        return new Page(posts, next(rows, limit));
    }

    /**
     * A page of posts and the cursor of the next one.
     *
     * @param items the posts
     * @param next  the {@code before=} token of the next page, empty on the last
     */
    public record Page(List<Post> items, Optional<String> next) {
    }

    /**
     * Makes a page from rows fetched one beyond the limit (so the last page is known without a
     * second query).
     *
     * @param viewer who asks
     * @param head   posts that go first (pinned)
     * @param rows   up to limit + 1 keyed rows
     * @param limit  page size
     * @return the page
     */
    public Page page(Optional<Viewer> viewer, List<Long> head, List<PostDao.Keyed> rows, int limit) {
        List<Long> ids = new ArrayList<>(head);
        rows.stream().limit(limit).forEach(r -> ids.add(r.id()));
        return new Page(load(viewer, ids), next(rows, limit));
    }

    private static Optional<String> next(List<PostDao.Keyed> rows, int limit) {
        if (rows.size() <= limit) {
            return Optional.empty();
        }
        PostDao.Keyed last = rows.get(limit - 1);
        return Optional.of(new Cursor(last.at(), last.id()).token());
    }

    private static int pageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new PostException(400, "A page holds from 1 to " + MAX_PAGE + " posts.");
        }
        return limit + 1;
    }

    private static long viewerId(Optional<Viewer> viewer) {
        return viewer.map(Viewer::accountId).orElse(0L);
    }

    /**
     * Adds images, renditions, embeds and tags to rows: from the content cache where it has them,
     * else in four queries for all the others.
     */
    private List<Post> assemble(List<PostRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        List<Long> ids = records.stream().map(PostRecord::id).toList();
        Map<Long, PostContentCache.Content> content = new HashMap<>(contents.get(records));
        List<Long> missing = ids.stream().filter(id -> !content.containsKey(id)).distinct().toList();
        Map<Long, PostRecord> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.id(), r));
        if (!missing.isEmpty()) {
            List<PostImage> images = dao.images(missing);
            Map<Long, List<PostImage.RenditionSize>> sizes = images.isEmpty() ? Map.of()
                    : dao.renditions(images.stream().map(PostImage::mediaId).toList()).stream()
                            .collect(Collectors.groupingBy(PostImage.RenditionSize::mediaId));
            Map<Long, List<PostImage>> imagesByPost = new HashMap<>();
            for (PostImage image : images) {
                imagesByPost.computeIfAbsent(image.postId(), k -> new ArrayList<>())
                        .add(image.withRenditions(sizes.getOrDefault(image.mediaId(), List.of())));
            }
            Map<Long, List<String>> embeds = children(dao.embeds(missing));
            Map<Long, List<String>> tags = children(dao.tags(missing));
            for (Long id : missing) {
                PostContentCache.Content c = new PostContentCache.Content(
                        List.copyOf(imagesByPost.getOrDefault(id, List.of())),
                        List.copyOf(embeds.getOrDefault(id, List.of())), List.copyOf(tags.getOrDefault(id, List.of())));
                content.put(id, c);
                // an image still being rendered has no renditions yet: such a post is read fresh
                // until it is ready, so it shows its pictures as soon as the queue is done
                if (c.images().stream().noneMatch(image -> image.renditions().isEmpty())) {
                    contents.put(byId.get(id), c);
                }
            }
        }
        List<Post> posts = new ArrayList<>();
        for (PostRecord r : records) {
            PostContentCache.Content c = content.get(r.id());
            posts.add(new Post(r, c.images(), c.embeds(), c.tags()));
        }
        return posts;
    }

    private static Map<Long, List<String>> children(List<PostDao.Child> rows) {
        Map<Long, List<String>> byPost = new HashMap<>();
        for (PostDao.Child c : rows) {
            byPost.computeIfAbsent(c.postId(), k -> new ArrayList<>()).add(c.item());
        }
        return byPost;
    }

    /** The tags of a post that its description does not already give: those typed in the tag field. */
    private List<String> explicitTags(Post post) {
        Set<String> fromText = markdown.render(post.record().description()).tags().stream().map(Hashtag::key)
                .collect(Collectors.toSet());
        return post.tags().stream().filter(t -> !fromText.contains(t)).toList();
    }

    /** A post's fields before checking. */
    private record Draft(String title, String description, List<String> tags, List<String> media, List<String> embeds,
                         boolean sensitive, String contentWarning, String licence, String visibility,
                         boolean noAiTraining, boolean inPortfolio, boolean pinned) {
    }

    /** A post's fields after checking. */
    private record Checked(Draft draft, RenderedText text, List<String> tags, Map<Integer, PostDao.Attachable> mediaIds,
                           List<String> embeds) {
        PostDao.Row row(long id, String publicId, long authorId, String state, Instant now, Instant publishedAt) {
            return new PostDao.Row(id, publicId, authorId, draft.title(), draft.description(), text.html(),
                    draft.sensitive(), draft.contentWarning(), draft.licence(), draft.visibility(),
                    draft.noAiTraining(), draft.inPortfolio(), draft.pinned(), state, now, publishedAt);
        }
    }

    private Checked check(Viewer author, Draft d, long postId, boolean publishing) {
        String title = d.title().strip();
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            throw new PostException(400, "A title is at most " + MAX_TITLE + " characters.");
        }
        if (d.contentWarning().strip().length() > MAX_WARNING) {
            throw new PostException(400, "A content warning is at most " + MAX_WARNING + " characters.");
        }
        if (Licence.of(d.licence()).isEmpty()) {
            throw new PostException(400, "Unknown licence \"" + clip(d.licence()) + "\"; choose one of "
                    + java.util.Arrays.stream(Licence.values()).map(Licence::key).collect(Collectors.joining(", ")) + ".");
        }
        if (Visibility.of(d.visibility()).isEmpty()) {
            throw new PostException(400, "Visibility is public, unlisted or followers.");
        }
        RenderedText text;
        try {
            text = markdown.render(d.description());
        } catch (TextTooLongException e) {
            throw new PostException(400, e.getMessage());
        }
        Set<String> tags = new LinkedHashSet<>();
        text.tags().forEach(t -> tags.add(t.key()));
        for (String typed : d.tags()) {
            Hashtag tag = Tags.parse(typed == null ? "" : typed)
                    .orElseThrow(() -> new PostException(400, "\"" + clip(typed) + "\" is not a tag: use letters, digits"
                            + " and inner underscores, up to " + Tags.MAX_LENGTH + " characters."));
            tags.add(tag.key());
        }
        if (tags.size() > Tags.MAX_PER_TEXT) {
            throw new PostException(400, "A post has at most " + Tags.MAX_PER_TEXT + " tags.");
        }
        Map<Integer, PostDao.Attachable> mediaIds = checkMedia(author, d.media(), postId);
        if (publishing && mediaIds.isEmpty()) {
            throw new PostException(400, "A published post needs at least one image; keep it as a draft until then.");
        }
        if (publishing && altTextRequired()
                && mediaIds.values().stream().anyMatch(m -> m.altText().isBlank())) {
            throw new PostException(400, "This instance asks for alt text on every image: describe each one for"
                    + " people who cannot see it.");
        }
        if (d.pinned() && publishing && dao.countPinned(author.accountId(), postId) >= MAX_PINNED) {
            throw new PostException(409, "At most " + MAX_PINNED + " works can be pinned; unpin one first.");
        }
        return new Checked(new Draft(title, d.description(), d.tags(), d.media(), d.embeds(), d.sensitive(),
                d.contentWarning().strip(), d.licence(), d.visibility(), d.noAiTraining(), d.inPortfolio(), d.pinned()),
                text, List.copyOf(tags), mediaIds, checkEmbeds(d.embeds()));
    }

    private Map<Integer, PostDao.Attachable> checkMedia(Viewer author, List<String> ids, long postId) {
        if (ids.size() > MAX_IMAGES) {
            throw new PostException(400, "A post holds at most " + MAX_IMAGES + " images.");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new PostException(400, "The same image is listed twice.");
        }
        Map<String, PostDao.Attachable> found = ids.isEmpty() ? Map.of()
                : dao.attachableMedia(author.accountId(), ids, postId).stream()
                        .collect(Collectors.toMap(PostDao.Attachable::publicId, Function.identity()));
        Map<Integer, PostDao.Attachable> ordered = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            PostDao.Attachable m = found.get(ids.get(i));
            if (m == null) {
                throw new PostException(400, "Image " + clip(ids.get(i)) + " is not one of your uploads, or is"
                        + " already in another post.");
            }
            ordered.put(i, m);
        }
        return ordered;
    }

    private static List<String> checkEmbeds(List<String> links) {
        if (links.size() > MAX_EMBEDS) {
            throw new PostException(400, "A post holds at most " + MAX_EMBEDS + " embeds.");
        }
        List<String> checked = new ArrayList<>();
        for (String link : links) {
            String url = link == null ? "" : link.strip();
            boolean ok = false;
            if (url.length() <= 2000) {
                try {
                    URI uri = new URI(url);
                    ok = uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                            && uri.getHost() != null;
                } catch (java.net.URISyntaxException e) {
                    ok = false;
                }
            }
            if (!ok) {
                throw new PostException(400, "\"" + clip(url) + "\" is not a web address to embed.");
            }
            checked.add(url);
        }
        return checked;
    }

    private static void writeChildren(PostDao tx, long postId, Checked checked, Instant publishedAt) {
        for (Map.Entry<Integer, PostDao.Attachable> m : checked.mediaIds().entrySet()) {
            tx.insertMedia(postId, m.getKey(), m.getValue().id());
        }
        for (int i = 0; i < checked.embeds().size(); i++) {
            tx.insertEmbed(postId, i, checked.embeds().get(i));
        }
        for (String tag : checked.tags()) {
            tx.insertTag(tag, postId, publishedAt);
        }
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private String newPublicId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return IDS.encodeToString(bytes);
    }
}
