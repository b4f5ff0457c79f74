package org.atelier.server.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.collections.Album;
import org.atelier.server.collections.AlbumDetail;
import org.atelier.server.collections.AlbumRecord;

/** The API's shape of an album, shared by every endpoint that returns albums. */
public final class AlbumJson {
    private AlbumJson() {
    }

    /**
     * An album as JSON. {@code coverChosen} (the owner's choice, or null for "the first post") is
     * shown to the owner only: others see the resulting {@code cover}.
     *
     * @param album  the album as the viewer sees it
     * @param viewer who asks
     * @return a JSON-ready map
     */
    public static Map<String, Object> view(Album album, Optional<Viewer> viewer) {
        AlbumRecord r = album.record();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.publicId());
        v.put("url", "/albums/" + r.publicId());
        v.put("owner", Map.of("username", r.ownerUsername(), "displayName", r.ownerName()));
        v.put("title", r.title());
        v.put("description", r.description());
        v.put("visibility", r.visibility());
        v.put("postCount", album.postCount());
        v.put("cover", album.cover().map(PostJson::view).orElse(null));
        if (r.ownedBy(viewer)) {
            v.put("coverChosen", r.coverPublicId().orElse(null));
        }
        v.put("createdAt", r.createdAt());
        v.put("updatedAt", r.updatedAt());
        return v;
    }

    /**
     * An album with a page of its posts.
     *
     * @param detail the album and the page
     * @param viewer who asks
     * @return the album's fields plus {@code "posts": {"items": [...], "next": token-or-null}}
     */
    public static Map<String, Object> detail(AlbumDetail detail, Optional<Viewer> viewer) {
        Map<String, Object> v = view(detail.album(), viewer);
        v.put("posts", PostJson.page(detail.posts()));
        return v;
    }

    /**
     * A list of albums.
     *
     * @param albums the albums
     * @param viewer who asks
     * @return {@code {"items": [...]}}
     */
    public static Map<String, Object> list(List<Album> albums, Optional<Viewer> viewer) {
        return Map.of("items", albums.stream().map(a -> view(a, viewer)).toList());
    }
}
