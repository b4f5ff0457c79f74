package org.atelier.server.media;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.http.Json;
import org.atelier.server.store.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * An artist's uploaded images: each upload goes through the {@link MediaPipeline} (every guard),
 * its original and renditions are written to the {@link MediaStore}, then recorded in one
 * transaction. A refused upload stores nothing; bytes are written before the record, so a
 * recorded image always has its files. An image's details are its owner's; its renditions are
 * seen by whoever may see a post holding it (or the profile showing it as avatar or banner).
 * Thread-safe.
 */
public final class MediaLibrary {
    private static final Base64.Encoder IDS = Base64.getUrlEncoder().withoutPadding();
    private static final int MAX_ALT = 1500;

    private final Jdbi jdbi;
    private final MediaDao dao;
    private final MediaStore store;
    private final MediaPipeline pipeline;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates the library.
     *
     * @param database the database
     * @param store    where bytes live
     * @param pipeline the media pipeline
     * @param clock    the clock
     */
    public MediaLibrary(Database database, MediaStore store, MediaPipeline pipeline, Clock clock) {
        this.jdbi = database.jdbi();
        this.dao = jdbi.onDemand(MediaDao.class);
        this.store = store;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    /**
     * Processes and keeps an upload.
     *
     * @param owner    the uploading account
     * @param original the uploaded bytes, hostile until the pipeline accepted them
     * @param request  focal point, crops and limits
     * @param altText  the alt text, possibly empty
     * @return the stored image
     * @throws MediaException when the pipeline refuses the bytes (nothing is stored then)
     */
    public StoredMedia upload(Viewer owner, byte[] original, ProcessingRequest request, String altText) {
        String alt = altText == null ? "" : altText.strip();
        if (alt.length() > MAX_ALT) {
            throw new IllegalArgumentException("Alt text is at most " + MAX_ALT + " characters.");
        }
        ProcessedImage image = pipeline.process(original, request);
        String originalKey = store.put(original);
        Map<String, String> keys = new LinkedHashMap<>();
        image.renditions().forEach((name, rendition) -> keys.put(name, store.put(rendition.bytes())));
        String publicId = newPublicId();
        String provenance = new String(Json.write(provenanceView(image)), StandardCharsets.UTF_8);
        jdbi.useTransaction(h -> {
            MediaDao tx = h.attach(MediaDao.class);
            long id = tx.insert(publicId, owner.accountId(), image.format().name(), image.width(), image.height(),
                    image.frameCount(), originalKey, original.length, image.blurhash(), alt,
                    request.focalPoint().x(), request.focalPoint().y(),
                    request.thumbnailCrop().map(MediaLibrary::format).orElse(null),
                    request.coverCrop().map(MediaLibrary::format).orElse(null), provenance, clock.instant());
            for (Map.Entry<String, Rendition> entry : image.renditions().entrySet()) {
                Rendition r = entry.getValue();
                tx.insertRendition(new RenditionRecord(id, entry.getKey(), r.mediaType(), r.width(), r.height(),
                        r.frameCount(), r.size(), keys.get(entry.getKey())));
            }
        });
        return find(owner, publicId).orElseThrow();
    }

    /**
     * One image, if the viewer may see it.
     *
     * @param viewer   who asks
     * @param publicId the image's public id
     * @return the image and its renditions
     */
    public Optional<StoredMedia> find(Viewer viewer, String publicId) {
        return dao.byPublicId(publicId).filter(m -> m.ownerId() == viewer.accountId())
                .map(m -> new StoredMedia(m, dao.renditions(m.id())));
    }

    /**
     * Opens one rendition, if the viewer may see the image: their own, an avatar or banner, or an
     * image of a post they may see. The original is never served.
     *
     * @param viewer   who asks, empty when signed out
     * @param publicId the image
     * @param name     the rendition's name
     * @return the rendition's record and its bytes as a stream the caller closes
     */
    public Optional<Map.Entry<RenditionRecord, InputStream>> rendition(Optional<Viewer> viewer, String publicId,
                                                                      String name) {
        return dao.visibleRendition(publicId, name, viewer.map(Viewer::accountId).orElse(0L))
                .flatMap(r -> store.open(r.contentKey()).map(in -> Map.entry(r, in)));
    }

    /**
     * Deletes an image and the files no other image shares.
     *
     * @param viewer   who asks (only the owner may)
     * @param publicId the image
     * @return true when it was deleted
     */
    public boolean delete(Viewer viewer, String publicId) {
        return deleteOwned(viewer.accountId(), publicId);
    }

    /**
     * Deletes an image of an account (a deleted post's images, whoever deleted the post) and the
     * files no other image shares.
     *
     * @param ownerId  the image's owner
     * @param publicId the image
     * @return true when it was deleted
     */
    public boolean deleteOwned(long ownerId, String publicId) {
        Optional<StoredMedia> media = dao.byPublicId(publicId).filter(m -> m.ownerId() == ownerId)
                .map(m -> new StoredMedia(m, dao.renditions(m.id())));
        if (media.isEmpty()) {
            return false;
        }
        dao.delete(media.get().media().id());
        List<String> keys = new java.util.ArrayList<>(media.get().renditions().stream().map(RenditionRecord::contentKey).toList());
        keys.add(media.get().media().originalKey());
        for (String key : keys) {
            if (dao.references(key) == 0) {
                store.delete(key);
            }
        }
        return true;
    }

    /** @return how many images are recorded */
    public long count() {
        return dao.count();
    }

    private static String format(CropRect crop) {
        return crop.x() + "," + crop.y() + "," + crop.w() + "," + crop.h();
    }

    private String newPublicId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return IDS.encodeToString(bytes);
    }

    private static Map<String, Object> provenanceView(ProcessedImage image) {
        Provenance p = image.provenance();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("c2paManifest", p.c2paManifest());
        view.put("digitalSourceType", p.digitalSourceType());
        view.put("sdParameters", p.sdParameters());
        view.put("comfyPrompt", p.comfyPrompt());
        view.put("comfyWorkflow", p.comfyWorkflow());
        view.put("software", p.software());
        view.put("gps", p.gps());
        view.put("metadataTruncated", image.metadataTruncated());
        // where a photo was taken is recorded as a yes/no only: coordinates are never kept
        view.put("entries", image.metadata().entries().stream()
                .filter(e -> !e.directory().toUpperCase(java.util.Locale.ROOT).startsWith("GPS")).toList());
        return view;
    }

    /**
     * An image with its renditions.
     *
     * @param media      the image
     * @param renditions its renditions
     */
    public record StoredMedia(MediaRecord media, List<RenditionRecord> renditions) {
    }
}
