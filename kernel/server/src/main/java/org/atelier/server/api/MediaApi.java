package org.atelier.server.api;

import io.helidon.http.HeaderNames;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Json;
import org.atelier.server.http.Router;
import org.atelier.server.media.CropRect;
import org.atelier.server.media.FocalPoint;
import org.atelier.server.media.Framing;
import org.atelier.server.media.MediaLibrary;
import org.atelier.server.media.MediaState;
import org.atelier.server.media.RenditionRecord;

/**
 * Images over the API; they are private to their owner until posts attach them.
 *
 * <ul>
 *   <li>{@code POST /api/v1/media} — the image as the raw body, with optional query {@code focalX},
 *       {@code focalY} (0..1), {@code thumbnailCrop} and {@code coverCrop} ({@code x,y,w,h}
 *       fractions) and {@code alt}. The cheap checks run at once (a refusal is a 4xx and stores
 *       nothing); an accepted image is answered {@code 202 Accepted}, {@code state: "processing"},
 *       and rendered on the job queue.</li>
 *   <li>{@code GET /api/v1/media/{id}} — the image with its {@code state} ({@code processing},
 *       {@code ready} or {@code failed}), {@code progress} (0..100) and {@code error}; renditions and
 *       provenance once it is ready. Clients poll it to show progress.</li>
 *   <li>{@code PATCH /api/v1/media/{id}} — a JSON object with any of {@code alt},
 *       {@code focalPoint} ({@code [x, y]}), {@code thumbnailCrop} and {@code coverCrop}
 *       ({@code "x,y,w,h"}, or {@code null} for the default crop around the focal point). A new
 *       framing re-renders the thumbnail and cover on the queue ({@code 202}, processing); an alt
 *       text change alone is immediate ({@code 200}). Every field is checked before anything
 *       changes.</li>
 *   <li>{@code DELETE /api/v1/media/{id}}, and the renditions at {@code GET /media/{id}/{name}}.</li>
 * </ul>
 */
public final class MediaApi {
    private static final Set<String> EDITABLE = Set.of("alt", "focalPoint", "thumbnailCrop", "coverCrop");

    private final MediaLibrary library;

    /**
     * Creates the API.
     *
     * @param library the media library (its limits bound the upload)
     */
    public MediaApi(MediaLibrary library) {
        this.library = library;
    }

    /**
     * Registers the routes.
     *
     * @param router the router
     */
    public void routes(Router router) {
        router.upload("/api/v1/media", x -> {
            Viewer viewer = x.requireViewer();
            x.requireCsrf();
            Framing framing = new Framing(new FocalPoint(fraction(x, "focalX"), fraction(x, "focalY")),
                    crop(x, "thumbnailCrop"), crop(x, "coverCrop"));
            String alt = alt(x.request().query().first("alt").orElse(""));
            byte[] body = x.body((int) Math.min(Integer.MAX_VALUE - 8, library.limits().maxBytes()));
            MediaLibrary.StoredMedia stored = library.upload(viewer, body, framing, alt);
            x.response().header(HeaderNames.LOCATION, "/api/v1/media/" + stored.media().publicId());
            x.json(202, view(stored));
        });
        router.get("/api/v1/media/{id}", x -> x.json(200, view(library.find(x.requireViewer(), x.pathParam("id"))
                .orElseThrow(MediaApi::noSuchImage))));
        router.patch("/api/v1/media/{id}", x -> {
            Viewer viewer = x.requireViewer();
            MediaLibrary.StoredMedia current = library.find(viewer, x.pathParam("id"))
                    .orElseThrow(MediaApi::noSuchImage);
            Map<String, Object> body = AccountsApi.body(x);
            for (String field : body.keySet()) {
                if (!EDITABLE.contains(field)) {
                    throw new HttpError(400, "Unknown field '" + field
                            + "': an image's alt, focalPoint, thumbnailCrop and coverCrop can be changed.");
                }
            }
            Framing before = current.media().framing();
            String alt = body.containsKey("alt") ? alt(AccountsApi.str(body, "alt")) : current.media().altText();
            Framing framing = new Framing(
                    body.containsKey("focalPoint") ? focalPoint(body.get("focalPoint")) : before.focalPoint(),
                    body.containsKey("thumbnailCrop") ? crop("thumbnailCrop", body.get("thumbnailCrop"))
                            : before.thumbnailCrop(),
                    body.containsKey("coverCrop") ? crop("coverCrop", body.get("coverCrop")) : before.coverCrop());
            boolean reframed = !framing.equals(before);
            if (reframed && current.media().state() == MediaState.FAILED) {
                throw new HttpError(409, "This image could not be processed, so it cannot be cropped; upload it again.");
            }
            MediaLibrary.StoredMedia updated = library.edit(viewer, current.media().publicId(), alt, framing)
                    .orElseThrow(MediaApi::noSuchImage);
            x.json(reframed ? 202 : 200, view(updated));
        });
        router.delete("/api/v1/media/{id}", x -> {
            if (!library.delete(x.requireViewer(), x.pathParam("id"))) {
                throw noSuchImage();
            }
            x.response().status(204);
            x.response().send();
        });
        router.get("/media/{id}/{name}", x -> {
            Map.Entry<RenditionRecord, InputStream> rendition = library.rendition(x.viewer(), x.pathParam("id"),
                    x.pathParam("name")).orElseThrow(MediaApi::noSuchImage);
            try (InputStream in = rendition.getValue()) {
                // a re-crop changes the bytes behind the same URL, and a post can become followers-only:
                // browsers keep a copy briefly and then revalidate by the content hash
                String etag = "\"" + rendition.getKey().contentKey() + "\"";
                x.response().header(HeaderNames.CACHE_CONTROL, "private, max-age=300");
                x.response().header(HeaderNames.ETAG, etag);
                if (x.request().headers().first(HeaderNames.IF_NONE_MATCH).map(etag::equals).orElse(false)) {
                    x.response().status(304);
                    x.response().send();
                    return;
                }
                x.response().header(HeaderNames.CONTENT_TYPE, rendition.getKey().mediaType());
                x.response().contentLength(rendition.getKey().byteSize());
                try (java.io.OutputStream out = x.response().outputStream()) {
                    in.transferTo(out);
                }
            }
        });
    }

    private static HttpError noSuchImage() {
        return new HttpError(404, "No such image.");
    }

    private static String alt(String alt) {
        String text = alt == null ? "" : alt.strip();
        if (text.length() > MediaLibrary.MAX_ALT) {
            throw new HttpError(400, "Alt text is at most " + MediaLibrary.MAX_ALT + " characters.");
        }
        return text;
    }

    /** A crop in the query, given as {@code x,y,w,h}, each a fraction of the image from 0 to 1. */
    private static Optional<CropRect> crop(Exchange x, String name) {
        Optional<String> value = x.request().query().first(name).asOptional();
        return value.isEmpty() ? Optional.empty() : crop(name, value.get());
    }

    /** A crop in a JSON body: {@code "x,y,w,h"}, or null for none. */
    private static Optional<CropRect> crop(String name, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            try {
                return Optional.of(CropRect.parse(text));
            } catch (IllegalArgumentException e) {
                // refused below, with the same message for every malformed crop
            }
        }
        throw new HttpError(400, name + " must be x,y,w,h: a rectangle inside the image, each from 0 to 1.");
    }

    private static FocalPoint focalPoint(Object value) {
        if (value instanceof List<?> xy && xy.size() == 2 && xy.get(0) instanceof Number x
                && xy.get(1) instanceof Number y) {
            try {
                return new FocalPoint(x.doubleValue(), y.doubleValue());
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        throw new HttpError(400, "focalPoint must be [x, y], each a number from 0 to 1.");
    }

    private static double fraction(Exchange x, String name) {
        Optional<String> value = x.request().query().first(name).asOptional();
        if (value.isEmpty()) {
            return 0.5;
        }
        try {
            double d = Double.parseDouble(value.get());
            if (d >= 0.0 && d <= 1.0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new HttpError(400, name + " must be a number from 0 to 1.");
    }

    private static Map<String, Object> view(MediaLibrary.StoredMedia stored) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", stored.media().publicId());
        view.put("state", stored.media().state().key());
        view.put("progress", stored.media().progress());
        view.put("error", stored.media().error().orElse(null));
        view.put("format", stored.media().format().toLowerCase(java.util.Locale.ROOT));
        view.put("width", stored.media().width());
        view.put("height", stored.media().height());
        view.put("frames", stored.media().frameCount());
        view.put("blurhash", stored.media().blurhash().orElse(null));
        view.put("alt", stored.media().altText());
        view.put("focalPoint", List.of(stored.media().focalX(), stored.media().focalY()));
        view.put("thumbnailCrop", stored.media().thumbnailCrop());
        view.put("coverCrop", stored.media().coverCrop());
        if (stored.media().state() == MediaState.READY) {
            Map<String, Object> renditions = new LinkedHashMap<>();
            for (RenditionRecord r : stored.renditions()) {
                renditions.put(r.name(), Map.of("url", "/media/" + stored.media().publicId() + "/" + r.name(),
                        "type", r.mediaType(), "width", r.width(), "height", r.height(), "bytes", r.byteSize()));
            }
            view.put("renditions", renditions);
            view.put("provenance", stored.media().provenance()
                    .flatMap(p -> Json.readObject(p.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .orElse(Map.of()));
        }
        return view;
    }
}
