package org.atelier.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atelier.server.posts.Post;
import org.atelier.server.posts.PostImage;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.Posts;

/** The API's shape of a post, shared by every endpoint that returns posts. */
public final class PostJson {
    private PostJson() {
    }

    /**
     * A post as JSON.
     *
     * @param post the post
     * @return a JSON-ready map
     */
    public static Map<String, Object> view(Post post) {
        PostRecord r = post.record();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.publicId());
        v.put("url", "/posts/" + r.publicId());
        v.put("author", Map.of("username", r.authorUsername(), "displayName", r.authorName()));
        v.put("state", r.state());
        v.put("title", r.title());
        v.put("description", r.description());
        v.put("descriptionHtml", r.descriptionHtml());
        v.put("tags", post.tags());
        v.put("sensitive", r.isSensitive());
        v.put("contentWarning", r.contentWarning());
        v.put("licence", r.licence());
        v.put("visibility", r.visibility());
        v.put("noAiTraining", r.noAiTraining());
        v.put("inPortfolio", r.inPortfolio());
        v.put("pinned", r.pinned());
        v.put("likes", r.likeCount());
        v.put("reposts", r.repostCount());
        v.put("comments", r.commentCount());
        v.put("createdAt", r.createdAt());
        v.put("updatedAt", r.updatedAt());
        v.put("publishedAt", r.publishedAt().orElse(null));
        List<Map<String, Object>> images = new ArrayList<>();
        for (PostImage image : post.images()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", image.publicId());
            i.put("width", image.width());
            i.put("height", image.height());
            i.put("frames", image.frameCount());
            i.put("blurhash", image.blurhash());
            i.put("alt", image.altText());
            i.put("focalPoint", List.of(image.focalX(), image.focalY()));
            Map<String, Object> renditions = new LinkedHashMap<>();
            for (PostImage.RenditionSize s : image.renditions()) {
                renditions.put(s.name(), Map.of("url", "/media/" + image.publicId() + "/" + s.name(), "type",
                        s.mediaType(), "width", s.width(), "height", s.height()));
            }
            i.put("renditions", renditions);
            images.add(i);
        }
        v.put("images", images);
        v.put("embeds", post.embeds());
        return v;
    }

    /**
     * A page of posts as JSON.
     *
     * @param page the page
     * @return {@code {"items": [...], "next": token-or-null}}
     */
    public static Map<String, Object> page(Posts.Page page) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("items", page.items().stream().map(PostJson::view).toList());
        v.put("next", page.next().orElse(null));
        return v;
    }
}
