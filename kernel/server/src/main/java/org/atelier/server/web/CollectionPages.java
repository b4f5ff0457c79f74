package org.atelier.server.web;

import io.helidon.http.HeaderNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.collections.Album;
import org.atelier.server.collections.AlbumChanges;
import org.atelier.server.collections.AlbumDetail;
import org.atelier.server.collections.Collections;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Router;
import org.atelier.server.posts.Post;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.Posts;
import org.atelier.server.profiles.Profile;
import org.atelier.server.profiles.Profiles;
import org.atelier.server.store.Cursor;

/**
 * Bookmarks and albums in the browser: the private bookmarks page, bookmarking from a post,
 * an artist's albums tab, an album's page with the owner's controls (title, visibility, cover,
 * order, removal), and adding a post to an album. Every form posts and redirects back, so all of
 * it works without JavaScript.
 */
public final class CollectionPages implements PostControls {
    private static final int PAGE = 24;

    private final Collections collections;
    private final Posts posts;
    private final Profiles profiles;
    private final PageRenderer pages;

    /**
     * Creates the pages.
     *
     * @param collections bookmarks and albums
     * @param posts       posts
     * @param profiles    profiles (the albums tab's header)
     * @param pages       the renderer
     */
    public CollectionPages(Collections collections, Posts posts, Profiles profiles, PageRenderer pages) {
        this.collections = collections;
        this.posts = posts;
        this.profiles = profiles;
        this.pages = pages;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/bookmarks", x -> {
            Viewer viewer = x.requireViewer();
            Posts.Page page = collections.bookmarks(viewer, Cursor.before(x), PAGE);
            pages.send(x, "Bookmarks", "bookmarks", Map.of("posts", PostViews.cards(page.items()),
                    "empty", page.items().isEmpty(), "next", PostViews.nextLink("/bookmarks", page)));
        });
        router.post("/posts/{id}/bookmark", x -> {
            Viewer viewer = x.requireViewer();
            String id = x.pathParam("id");
            if ("remove".equals(x.form().get("do"))) {
                collections.unbookmark(viewer, id);
            } else {
                collections.bookmark(viewer, id);
            }
            x.seeOther("/posts/" + id);
        });
        router.post("/posts/{id}/albums", x -> {
            Viewer viewer = x.requireViewer();
            String id = x.pathParam("id");
            Map<String, String> form = x.form();
            String album = form.getOrDefault("album", "");
            if (album.isEmpty() || "new".equals(album)) {
                album = collections.create(viewer, new AlbumChanges(Optional.of(form.getOrDefault("title", "")),
                        Optional.empty(), Optional.of(form.getOrDefault("visibility", "private")), Optional.empty(),
                        false)).record().publicId();
            }
            collections.add(viewer, album, id);
            x.seeOther("/albums/" + album);
        });
        router.get("/@{username}/albums", x -> {
            Profile profile = profiles.byUsername(x.pathParam("username"))
                    .orElseThrow(() -> new HttpError(404, "No artist by that name here."));
            List<Album> albums = collections.albumsOf(x.viewer(), profile.accountId());
            Map<String, Object> model = ArtistPages.profileModel(profile);
            model.put("albumsTab", true);
            model.put("albums", albums.stream().map(CollectionPages::albumCard).toList());
            model.put("empty", albums.isEmpty());
            model.put("own", x.viewer().map(v -> v.accountId() == profile.accountId()).orElse(false));
            pages.send(x, profile.displayName() + " — albums", "profile-albums", model);
        });
        router.post("/albums", x -> {
            Viewer viewer = x.requireViewer();
            Map<String, String> form = x.form();
            Album album = collections.create(viewer, new AlbumChanges(Optional.of(form.getOrDefault("title", "")),
                    Optional.of(form.getOrDefault("description", "")),
                    Optional.of(form.getOrDefault("visibility", "private")), Optional.empty(), false));
            x.seeOther("/albums/" + album.record().publicId());
        });
        router.get("/albums/{id}", x -> {
            AlbumDetail detail = collections.album(x.viewer(), x.pathParam("id"), Cursor.before(x), PAGE);
            Album album = detail.album();
            boolean own = x.viewer().map(v -> v.accountId() == album.record().ownerId()).orElse(false);
            Map<String, Object> model = albumCard(album);
            List<Map<String, Object>> items = new ArrayList<>();
            for (Post post : detail.posts().items()) {
                Map<String, Object> card = PostViews.card(post);
                card.put("isCover", album.record().coverPublicId().map(post.record().publicId()::equals).orElse(false));
                items.add(card);
            }
            model.put("posts", items);
            model.put("own", own);
            model.put("empty", items.isEmpty());
            model.put("next", PostViews.nextLink("/albums/" + album.record().publicId(), detail.posts()));
            model.put("isPublic", "public".equals(album.record().visibility()));
            x.response().header(HeaderNames.CACHE_CONTROL, "private, no-cache");
            pages.send(x, album.record().title(), "album", model);
        });
        router.post("/albums/{id}/edit", x -> {
            Viewer viewer = x.requireViewer();
            Map<String, String> form = x.form();
            String id = x.pathParam("id");
            collections.update(viewer, id, new AlbumChanges(Optional.ofNullable(form.get("title")),
                    Optional.ofNullable(form.get("description")), Optional.ofNullable(form.get("visibility")),
                    Optional.empty(), false));
            x.seeOther("/albums/" + id);
        });
        router.post("/albums/{id}/delete", x -> {
            Viewer viewer = x.requireViewer();
            collections.delete(viewer, x.pathParam("id"));
            x.seeOther("/@" + viewer.username() + "/albums");
        });
        router.post("/albums/{id}/posts/{post}/remove", x -> {
            collections.remove(x.requireViewer(), x.pathParam("id"), x.pathParam("post"));
            x.seeOther("/albums/" + x.pathParam("id"));
        });
        router.post("/albums/{id}/posts/{post}/cover", x -> {
            collections.update(x.requireViewer(), x.pathParam("id"), new AlbumChanges(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(x.pathParam("post")), false));
            x.seeOther("/albums/" + x.pathParam("id"));
        });
        router.post("/albums/{id}/posts/{post}/move", x -> {
            Viewer viewer = x.requireViewer();
            String id = x.pathParam("id");
            List<String> order = new ArrayList<>();
            Cursor at0 = Cursor.START;
            // a reorder names every post of the album, so read all its pages (at most 1000 posts)
            while (true) {
                Posts.Page page = collections.album(Optional.of(viewer), id, at0, Posts.MAX_PAGE).posts();
                page.items().forEach(p -> order.add(p.record().publicId()));
                if (page.next().isEmpty()) {
                    break;
                }
                at0 = Cursor.parse(page.next());
            }
            int at = order.indexOf(x.pathParam("post"));
            int to = at + ("up".equals(x.form().get("direction")) ? -1 : 1);
            if (at < 0) {
                throw new HttpError(404, "That post is not in this album.");
            }
            if (to >= 0 && to < order.size()) {
                java.util.Collections.swap(order, at, to);
                collections.reorder(viewer, id, order);
            }
            x.seeOther("/albums/" + id);
        });
    }

    /**
     * The post page's bookmark and album controls for a viewer.
     *
     * @param viewer who looks
     * @param post   the post
     * @return template values: {@code bookmarked}, {@code myAlbums} (to add to), {@code inAlbums}
     */
    @Override
    public Map<String, Object> controls(Optional<Viewer> viewer, PostRecord post) {
        Map<String, Object> m = new HashMap<>();
        if (viewer.isEmpty()) {
            return m;
        }
        m.put("bookmarked", !collections.bookmarked(viewer, List.of(post.id())).isEmpty());
        List<Album> containing = collections.albumsContaining(viewer.get(), post.id());
        List<String> containingIds = containing.stream().map(a -> a.record().publicId()).toList();
        m.put("inAlbums", containing.stream().map(CollectionPages::albumCard).toList());
        m.put("myAlbums", collections.albumsOf(viewer, viewer.get().accountId()).stream()
                .filter(a -> !containingIds.contains(a.record().publicId()))
                .map(a -> Map.of("id", a.record().publicId(), "title", a.record().title())).toList());
        return m;
    }

    private static Map<String, Object> albumCard(Album album) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", album.record().publicId());
        m.put("url", "/albums/" + album.record().publicId());
        m.put("albumUrl", "/albums/" + album.record().publicId());
        m.put("title", album.record().title());
        m.put("description", album.record().description());
        m.put("visibility", album.record().visibility());
        m.put("private", "private".equals(album.record().visibility()));
        m.put("postCount", album.postCount());
        m.put("owner", Map.of("username", album.record().ownerUsername(), "displayName", album.record().ownerName()));
        album.cover().ifPresent(cover -> m.put("cover", PostViews.card(cover)));
        return m;
    }

    private static Cursor cursor(Exchange x) {
        return Cursor.before(x);
    }

}
