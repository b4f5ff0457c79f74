package org.atelier.server.api;

import io.helidon.http.HeaderNames;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.http.Exchange;
import org.atelier.server.http.HttpError;
import org.atelier.server.http.Json;
import org.atelier.server.http.Router;
import org.atelier.server.media.CropRect;
import org.atelier.server.media.FocalPoint;
import org.atelier.server.media.MediaLibrary;
import org.atelier.server.media.MediaLimits;
import org.atelier.server.media.ProcessingRequest;
import org.atelier.server.media.RenditionRecord;

/**
 * Image uploads: {@code POST /api/v1/media} with the image as the raw body (optional query
 * {@code focalX}, {@code focalY} in 0..1, {@code thumbnailCrop} and {@code coverCrop} as
 * {@code x,y,w,h} fractions, and {@code alt}), {@code GET /api/v1/media/{id}},
 * {@code DELETE /api/v1/media/{id}}, and the renditions at {@code GET /media/{id}/{name}}.
 * Images are private to their owner until posts attach them.
 */
public final class MediaApi {
    private final MediaLibrary library;
    private final MediaLimits limits;

    /**
     * Creates the API.
     *
     * @param library the media library
     * @param limits  the upload limits
     */
    public MediaApi(MediaLibrary library, MediaLimits limits) {
        this.library = library;
        this.limits = limits;
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
            FocalPoint focus = new FocalPoint(fraction(x, "focalX"), fraction(x, "focalY"));
            byte[] body = x.body((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes()));
            String alt = x.request().query().first("alt").orElse("");
            if (alt.length() > 1500) {
                throw new HttpError(400, "Alt text is at most 1500 characters.");
            }
            ProcessingRequest request = ProcessingRequest.defaults().withLimits(limits).withFocalPoint(focus);
            Optional<CropRect> thumbnail = crop(x, "thumbnailCrop");
            Optional<CropRect> cover = crop(x, "coverCrop");
            if (thumbnail.isPresent()) {
                request = request.withThumbnailCrop(thumbnail.get());
            }
            if (cover.isPresent()) {
                request = request.withCoverCrop(cover.get());
            }
            MediaLibrary.StoredMedia stored = library.upload(viewer, body, request, alt);
            x.json(201, view(stored));
        });
        router.get("/api/v1/media/{id}", x -> x.json(200, view(library.find(x.requireViewer(), x.pathParam("id"))
                .orElseThrow(() -> new HttpError(404, "No such image.")))));
        router.delete("/api/v1/media/{id}", x -> {
            if (!library.delete(x.requireViewer(), x.pathParam("id"))) {
                throw new HttpError(404, "No such image.");
            }
            x.response().status(204);
            x.response().send();
        });
        router.get("/media/{id}/{name}", x -> {
            Map.Entry<RenditionRecord, InputStream> rendition = library.rendition(x.viewer(), x.pathParam("id"),
                    x.pathParam("name")).orElseThrow(() -> new HttpError(404, "No such image."));
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

    /** A crop given as {@code x,y,w,h}, each a fraction of the image from 0 to 1. */
    private static Optional<CropRect> crop(Exchange x, String name) {
        Optional<String> value = x.request().query().first(name).asOptional();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = value.get().split(",", -1);
        try {
            if (parts.length == 4) {
                return Optional.of(new CropRect(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Double.parseDouble(parts[2]), Double.parseDouble(parts[3])));
            }
        } catch (IllegalArgumentException e) {
            // refused below, with the same message for every malformed crop
        }
        throw new HttpError(400, name + " must be x,y,w,h: a rectangle inside the image, each from 0 to 1.");
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
        view.put("format", stored.media().format().toLowerCase(java.util.Locale.ROOT));
        view.put("width", stored.media().width());
        view.put("height", stored.media().height());
        view.put("frames", stored.media().frameCount());
        view.put("blurhash", stored.media().blurhash());
        view.put("alt", stored.media().altText());
        view.put("focalPoint", List.of(stored.media().focalX(), stored.media().focalY()));
        view.put("thumbnailCrop", stored.media().thumbnailCrop());
        view.put("coverCrop", stored.media().coverCrop());
        Map<String, Object> renditions = new LinkedHashMap<>();
        for (RenditionRecord r : stored.renditions()) {
            renditions.put(r.name(), Map.of("url", "/media/" + stored.media().publicId() + "/" + r.name(),
                    "type", r.mediaType(), "width", r.width(), "height", r.height(), "bytes", r.byteSize()));
        }
        view.put("renditions", renditions);
        view.put("provenance", Json.readObject(stored.media().provenance()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).orElse(Map.of()));
        return view;
    }
}
