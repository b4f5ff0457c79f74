package org.atelier.server.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.atelier.server.posts.Post;
import org.atelier.server.posts.PostImage;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.Posts;
import org.atelier.server.text.Hashtag;

/**
 * Turns posts into the values theme templates show: a grid card (thumbnail crop) or the whole
 * post (every image at display sizes with {@code srcset}). Templates get plain maps so that a
 * theme never depends on kernel classes.
 */
final class PostViews {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** The display width a plain {@code src} uses; {@code srcset} offers the rest. */
    private static final int DEFAULT_DISPLAY = 1280;

    private PostViews() {
    }

    /**
     * A post as a grid tile.
     *
     * @param post the post
     * @return the template values
     */
    static Map<String, Object> card(Post post) {
        PostRecord r = post.record();
        Map<String, Object> v = base(r);
        Optional<PostImage> first = post.images().stream().findFirst();
        first.ifPresent(image -> {
            boolean ready = image.renditions().stream().anyMatch(s -> s.name().equals("thumbnail"));
            v.put("thumbnail", ready ? "/media/" + image.publicId() + "/thumbnail" : "");
            v.put("alt", image.altText().isBlank() ? r.title() : image.altText());
            v.put("animated", image.frameCount() > 1);
        });
        v.put("imageCount", post.images().size());
        v.put("several", post.images().size() > 1);
        return v;
    }

    /**
     * Cards for a list.
     *
     * @param posts the posts
     * @return one map each
     */
    static List<Map<String, Object>> cards(List<Post> posts) {
        return posts.stream().map(PostViews::card).toList();
    }

    /**
     * A whole post, for its page.
     *
     * @param post the post
     * @return the template values
     */
    static Map<String, Object> full(Post post) {
        PostRecord r = post.record();
        Map<String, Object> v = base(r);
        List<Map<String, Object>> images = new ArrayList<>();
        int n = 0;
        for (PostImage image : post.images()) {
            n++;
            images.add(image(image, n, post.images().size()));
        }
        v.put("images", images);
        v.put("descriptionHtml", r.descriptionHtml());
        v.put("hasDescription", !r.descriptionHtml().isBlank());
        v.put("tags", post.tags().stream().map(t -> Map.of("name", t, "path", new Hashtag(t).path())).toList());
        v.put("licence", Map.of("label", r.licenceValue().label(), "url", r.licenceValue().url(),
                "hasUrl", !r.licenceValue().url().isEmpty()));
        v.put("visibilityLabel", switch (r.visibilityValue()) {
            case PUBLIC -> "Public";
            case UNLISTED -> "Unlisted";
            case FOLLOWERS -> "Followers only";
        });
        v.put("followersOnly", r.visibilityValue() == org.atelier.server.posts.Visibility.FOLLOWERS);
        v.put("noAiTraining", r.noAiTraining());
        v.put("embeds", post.embeds());
        return v;
    }

    /** One image: the largest display rendition up to 1280 px as {@code src}, all of them as {@code srcset}. */
    static Map<String, Object> image(PostImage image, int number, int of) {
        Map<String, Object> v = new HashMap<>();
        List<PostImage.RenditionSize> display = image.renditions().stream()
                .filter(s -> s.name().startsWith("display-"))
                .sorted(Comparator.comparingInt(PostImage.RenditionSize::width)).toList();
        String base = "/media/" + image.publicId() + "/";
        Optional<PostImage.RenditionSize> main = display.stream().filter(s -> s.width() <= DEFAULT_DISPLAY)
                .reduce((a, b) -> b).or(() -> display.stream().findFirst());
        v.put("ready", main.isPresent());
        main.ifPresent(s -> {
            v.put("src", base + s.name());
            v.put("width", s.width());
            v.put("height", s.height());
            v.put("largest", base + display.get(display.size() - 1).name());
        });
        v.put("srcset", String.join(", ", display.stream().map(s -> base + s.name() + " " + s.width() + "w").toList()));
        v.put("alt", image.altText());
        v.put("hasAlt", !image.altText().isBlank());
        v.put("animated", image.frameCount() > 1);
        v.put("id", image.publicId());
        v.put("thumbnail", base + "thumbnail");
        v.put("number", number);
        v.put("of", of);
        return v;
    }

    private static Map<String, Object> base(PostRecord r) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", r.publicId());
        v.put("postId", r.publicId());
        v.put("url", "/posts/" + r.publicId());
        v.put("title", r.title());
        v.put("hasTitle", !r.title().isBlank());
        v.put("displayTitle", r.title().isBlank() ? "Untitled" : r.title());
        v.put("author", Map.of("username", r.authorUsername(), "displayName", r.authorName()));
        v.put("sensitive", r.isSensitive());
        v.put("contentWarning", r.contentWarning().isBlank() ? "Sensitive content" : r.contentWarning());
        v.put("pinned", r.pinned());
        v.put("draft", !r.published());
        v.put("likes", r.likeCount());
        v.put("reposts", r.repostCount());
        v.put("comments", r.commentCount());
        v.put("likesLabel", count(r.likeCount(), "like"));
        v.put("repostsLabel", count(r.repostCount(), "repost"));
        v.put("commentsLabel", count(r.commentCount(), "comment"));
        Instant when = r.publishedAt().orElse(r.createdAt());
        v.put("date", DAY.format(when));
        v.put("dateIso", when.toString());
        return v;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * The "load more" link of a paged list: it works without JavaScript, and the theme's script
     * turns it into infinite scroll.
     *
     * @param path the list's path
     * @param page the page shown
     * @return the link, empty on the last page
     */
    static String nextLink(String path, Posts.Page page) {
        return page.next().map(token -> path + (path.contains("?") ? "&" : "?") + "before=" + token).orElse("");
    }
}
