package org.atelier.server.web;

import io.helidon.http.HeaderNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.ClientError;
import org.atelier.server.embeds.Embeds;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.FormData;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Multipart;
import org.atelier.server.http.Router;
import org.atelier.server.media.MediaLibrary;
import org.atelier.server.media.Framing;
import org.atelier.server.posts.Licence;
import org.atelier.server.posts.Post;
import org.atelier.server.posts.PostChanges;
import org.atelier.server.posts.PostImage;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.Posts;
import org.atelier.server.posts.Visibility;
import org.atelier.server.profiles.Profiles;
import org.atelier.server.store.Cursor;

/**
 * The pages of posts: compose ({@code /posts/new}), the post itself ({@code /posts/{id}}), edit,
 * delete and the artist's drafts. Forms work without JavaScript — images come as files in the
 * same multipart form — and the theme's script improves them (uploads with progress before the
 * form is sent, the crop tool). A refused form comes back with the artist's input kept,
 * including images already uploaded.
 */
public final class PostPages {
    /** Most parts a compose form may have: images, their fields and the post's fields. */
    private static final int MAX_FORM_PARTS = 120;

    private final Posts posts;
    private final MediaLibrary media;
    private final Profiles profiles;
    private final Embeds embeds;
    private final PageRenderer pages;
    private final List<PostControls> controls;

    /**
     * Creates the pages.
     *
     * @param posts    the post service
     * @param media    the media library (uploads from the form)
     * @param profiles profiles (the artist's defaults)
     * @param embeds   resolves embed links into players
     * @param pages    the renderer
     * @param controls what other features show on a post's page
     */
    public PostPages(Posts posts, MediaLibrary media, Profiles profiles, Embeds embeds,
                     PageRenderer pages, List<PostControls> controls) {
        this.posts = posts;
        this.media = media;
        this.profiles = profiles;
        this.embeds = embeds;
        this.pages = pages;
        this.controls = List.copyOf(controls);
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.get("/posts/new", x -> {
            Viewer viewer = x.requireViewer();
            boolean noAi = profiles.byUsername(viewer.username()).map(p -> p.noAiDefault()).orElse(true);
            Map<String, Object> form = formModel(Optional.empty(), FormData.of(Map.of()), List.of(), noAi);
            pages.send(x, 200, "New post", "post-compose", form);
        });
        router.upload("/posts/new", x -> {
            Viewer viewer = x.requireViewer();
            FormData fields = fields(x);
            List<String> mediaIds = new ArrayList<>(fields.all("media"));
            List<String> uploaded = new ArrayList<>();
            try {
                mediaIds.addAll(uploads(viewer, fields, uploaded));
                Post post = posts.create(viewer, changes(fields, mediaIds, Optional.empty()), publish(fields));
                x.seeOther(post.record().published() ? "/posts/" + post.record().publicId() : "/drafts");
            } catch (RuntimeException e) {
                if (!(e instanceof ClientError refusal)) {
                    throw e;
                }
                Map<String, Object> form = formModel(Optional.empty(), fields.with("media", mediaIds), uploaded,
                        fields.checked("noAiTraining"));
                form.put("error", refusal.getMessage());
                pages.send(x, refusal.status(), "New post", "post-compose", form);
            }
        });
        router.get("/posts/{id}", x -> {
            Post post = posts.find(x.viewer(), x.pathParam("id"));
            Map<String, Object> model = PostViews.full(post);
            boolean own = x.viewer().map(v -> v.accountId() == post.record().authorId()).orElse(false);
            model.put("own", own);
            model.put("embedItems", SitePages.items(embeds.resolve(post.embeds())));
            model.put("hasEmbeds", !post.embeds().isEmpty());
            for (PostControls feature : controls) {
                model.putAll(feature.controls(x.viewer(), post.record()));
            }
            x.response().header(HeaderNames.CACHE_CONTROL, "private, no-cache");
            pages.send(x, 200, post.record().title().isBlank() ? "Work by @" + post.record().authorUsername()
                    : post.record().title(), "post", model);
        });
        router.get("/posts/{id}/edit", x -> {
            Viewer viewer = x.requireViewer();
            Post post = own(viewer, x.pathParam("id"));
            pages.send(x, 200, "Edit post", "post-compose", formModel(Optional.of(post), formOf(post), List.of(),
                    post.record().noAiTraining()));
        });
        router.upload("/posts/{id}/edit", x -> {
            Viewer viewer = x.requireViewer();
            Post post = own(viewer, x.pathParam("id"));
            FormData fields = fields(x);
            List<String> mediaIds = ordered(post, fields);
            List<String> uploaded = new ArrayList<>();
            try {
                mediaIds.addAll(uploads(viewer, fields, uploaded));
                Post saved = posts.update(viewer, post.record().publicId(),
                        changes(fields, mediaIds, Optional.of(post)), publish(fields));
                x.seeOther(saved.record().published() ? "/posts/" + saved.record().publicId() : "/drafts");
            } catch (RuntimeException e) {
                if (!(e instanceof ClientError refusal)) {
                    throw e;
                }
                Map<String, Object> form = formModel(Optional.of(post), fields.with("media", mediaIds), uploaded,
                        fields.checked("noAiTraining"));
                form.put("error", refusal.getMessage());
                pages.send(x, refusal.status(), "Edit post", "post-compose", form);
            }
        });
        router.post("/posts/{id}/delete", x -> {
            Viewer viewer = x.requireViewer();
            posts.delete(viewer, x.pathParam("id"));
            x.seeOther("/@" + viewer.username());
        });
        router.get("/drafts", x -> {
            Viewer viewer = x.requireViewer();
            Posts.Page page = posts.drafts(viewer, Cursor.before(x), 24);
            pages.send(x, 200, "Drafts", "drafts", Map.of("posts", PostViews.cards(page.items()),
                    "empty", page.items().isEmpty(), "next", PostViews.nextLink("/drafts", page)));
        });
    }

    private Post own(Viewer viewer, String publicId) {
        Post post = posts.find(Optional.of(viewer), publicId);
        if (post.record().authorId() != viewer.accountId()) {
            throw new HttpError(404, "No such post.");
        }
        return post;
    }

    /** The images of an edited post in the order the form asks: kept ones by their position field, then added ones. */
    private static List<String> ordered(Post post, FormData fields) {
        List<Map.Entry<String, Double>> kept = new ArrayList<>();
        int index = 0;
        for (PostImage image : post.images()) {
            index++;
            if (fields.checked("keep_" + image.publicId()) || !fields.has("keep_" + image.publicId()) && !fields.has("edited")) {
                double position = index;
                try {
                    position = Double.parseDouble(fields.first("position_" + image.publicId()).orElse("" + index));
                } catch (NumberFormatException e) {
                    // an unreadable position keeps the image where it was
                }
                kept.add(Map.entry(image.publicId(), position));
            }
        }
        kept.sort(Map.Entry.comparingByValue());
        List<String> ids = new ArrayList<>(kept.stream().map(Map.Entry::getKey).toList());
        for (String added : fields.all("media")) {
            if (!ids.contains(added)) {
                ids.add(added);
            }
        }
        return ids;
    }

    /** Stores the image files sent with the form (when the script did not upload them first). */
    private List<String> uploads(Viewer viewer, FormData fields, List<String> uploaded) {
        List<String> alts = fields.first("alts").map(s -> Arrays.asList(s.split("\r?\n", -1))).orElse(List.of());
        List<String> ids = new ArrayList<>();
        int n = 0;
        for (Multipart.Part file : fields.files("images")) {
            String alt = n < alts.size() ? alts.get(n).strip() : "";
            n++;
            try {
                ids.add(media.upload(viewer, file.content(), Framing.centred(), alt)
                        .media().publicId());
            } catch (RuntimeException e) {
                if (e instanceof ClientError) {
                    uploaded.addAll(ids);
                    throw new HttpError(((ClientError) e).status(), file.filename().orElse("Image " + n) + ": "
                            + e.getMessage());
                }
                throw e;
            }
        }
        return ids;
    }

    private static PostChanges changes(FormData f, List<String> mediaIds, Optional<Post> current) {
        List<String> tags = Arrays.stream(f.first("tags").orElse("").split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        List<String> links = f.first("embeds").orElse("").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new PostChanges(f.first("title"), f.first("description"), Optional.of(tags), Optional.of(mediaIds),
                Optional.of(links), Optional.of(f.checked("sensitive")), f.first("contentWarning"), f.first("licence"),
                f.first("visibility"), Optional.of(f.checked("noAiTraining")), Optional.of(f.checked("inPortfolio")),
                Optional.of(f.checked("pinned")));
    }

    private Map<String, Object> formModel(Optional<Post> post, FormData f, List<String> uploaded,
                                          boolean noAiTraining) {
        Map<String, Object> m = new HashMap<>();
        m.put("editing", post.isPresent());
        m.put("action", post.map(p -> "/posts/" + p.record().publicId() + "/edit").orElse("/posts/new"));
        m.put("isDraft", post.map(p -> !p.record().published()).orElse(true));
        m.put("title", f.first("title").orElse(""));
        m.put("description", f.first("description").orElse(""));
        m.put("tags", f.first("tags").orElse(""));
        m.put("embeds", f.first("embeds").orElse(""));
        m.put("contentWarning", f.first("contentWarning").orElse(""));
        m.put("sensitive", f.checked("sensitive"));
        m.put("noAiTraining", noAiTraining);
        m.put("inPortfolio", f.has("edited") ? f.checked("inPortfolio") : true);
        m.put("pinned", f.checked("pinned"));
        String licence = f.first("licence").orElse(Licence.ALL_RIGHTS_RESERVED.key());
        m.put("licences", Arrays.stream(Licence.values()).map(l -> Map.of("key", l.key(), "label", l.label(),
                "selected", l.key().equals(licence))).toList());
        String visibility = f.first("visibility").orElse(Visibility.PUBLIC.key());
        m.put("visibilities", Arrays.stream(Visibility.values()).map(v -> Map.of("key", v.key(),
                "label", switch (v) {
                    case PUBLIC -> "Public — anyone, listed on explore and tag pages";
                    case UNLISTED -> "Unlisted — anyone with the link, not listed";
                    case FOLLOWERS -> "Followers only";
                }, "checked", v.key().equals(visibility))).toList());
        List<Map<String, Object>> current = new ArrayList<>();
        if (post.isPresent()) {
            int n = 0;
            for (PostImage image : post.get().images()) {
                n++;
                Map<String, Object> i = PostViews.image(image, n, post.get().images().size());
                i.put("position", n);
                current.add(i);
            }
        }
        m.put("currentImages", current);
        m.put("hasCurrentImages", !current.isEmpty());
        List<String> pending = new ArrayList<>(f.all("media"));
        pending.addAll(uploaded);
        post.ifPresent(p -> pending.removeAll(p.images().stream().map(PostImage::publicId).toList()));
        m.put("pendingMedia", pending.stream().distinct().map(id -> Map.of("id", id, "thumbnail",
                "/media/" + id + "/thumbnail")).toList());
        m.put("maxImages", Posts.MAX_IMAGES);
        m.put("altTextRequired", posts.altTextRequired());
        m.put("maxBytes", media.limits().maxBytes());
        return m;
    }

    private static Cursor cursor(Exchange x) {
        return Cursor.before(x);
    }

    /** A compose form as sent: multipart with image files, or URL-encoded. */
    private FormData fields(Exchange x) {
        return FormData.read(x, Math.min(80L * 1024 * 1024, (long) Posts.MAX_IMAGES * media.limits().maxBytes()),
                MAX_FORM_PARTS);
    }

    /** A post's fields as the edit form shows them. */
    private static FormData formOf(Post post) {
        PostRecord r = post.record();
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("title", List.of(r.title()));
        v.put("description", List.of(r.description()));
        v.put("tags", List.of(String.join(", ", post.tags())));
        v.put("embeds", List.of(String.join("\n", post.embeds())));
        v.put("contentWarning", List.of(r.contentWarning()));
        v.put("licence", List.of(r.licence()));
        v.put("visibility", List.of(r.visibility()));
        v.put("edited", List.of("1"));
        if (r.isSensitive()) {
            v.put("sensitive", List.of("on"));
        }
        if (r.inPortfolio()) {
            v.put("inPortfolio", List.of("on"));
        }
        if (r.pinned()) {
            v.put("pinned", List.of("on"));
        }
        return FormData.of(v);
    }

    private static boolean publish(FormData form) {
        return !"draft".equals(form.first("action").orElse("publish"));
    }

}
