package org.atelier.server.api;

import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.atelier.server.http.Json;
import org.atelier.server.posts.Post;
import org.atelier.server.posts.PostImage;
import org.atelier.server.posts.PostRecord;
import org.atelier.server.posts.Posts;

/**
 * The API's shape of a post, shared by every endpoint that returns posts.
 *
 * <p>Lists send the same posts again and again (every viewer's explore, a home refreshed), and
 * writing a post's JSON costs more than reading it: so the JSON of the posts listed lately is
 * kept, each with the post it was written from, and reused only while the post read now is equal
 * to that one — its row (counts, visibility, edits) and its content. Nothing can go stale: a
 * changed post is written again.
 */
public final class PostJson {
    /** Most posts whose JSON is kept; past this the cache starts again (a few MB). */
    static final int CACHED = 5_000;
    private static final Map<Long, Written> WRITTEN = new ConcurrentHashMap<>();

    private record Written(Post post, String json) {
    }

    private PostJson() {
    }

    /**
     * A post's JSON, written once for as long as the post stays the same.
     *
     * @param post the post
     * @return its JSON, {@link #view} written
     */
    public static RawValue written(Post post) {
        return new RawValue(json(post));
    }

    /**
     * A post's JSON with one more field.
     *
     * @param post  the post
     * @param name  the field's name
     * @param value its value (anything {@link Json#write} takes)
     * @return the post's JSON object with the field added last
     */
    public static RawValue written(Post post, String name, Object value) {
        String json = json(post);
        return new RawValue(json.substring(0, json.length() - 1) + ',' + new String(Json.write(name), StandardCharsets.UTF_8)
                + ':' + new String(Json.write(value), StandardCharsets.UTF_8) + '}');
    }

    private static String json(Post post) {
        long id = post.record().id();
        Written kept = WRITTEN.get(id);
        if (kept != null && (kept.post() == post || kept.post().equals(post))) {
            return kept.json();
        }
        String json = new String(Json.write(view(post)), StandardCharsets.UTF_8);
        if (WRITTEN.size() >= CACHED) {
            WRITTEN.clear();
        }
        WRITTEN.put(id, new Written(post, json));
        return json;
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
        v.put("items", page.items().stream().map(PostJson::written).toList());
        v.put("next", page.next().orElse(null));
        return v;
    }
}
