package org.atelier.server.media;

import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.jobs.JobQueue;
import org.atelier.server.store.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * An artist's uploaded images. An upload is checked synchronously by the cheap guards
 * ({@link ImageProbe}: type from the bytes, declared size, dimensions and frames, a file cut
 * short), so obviously bad input is refused at once and stores nothing. An accepted original is
 * written to the {@link MediaStore}, then its row (state {@code processing}) and its
 * {@link MediaRenderer} job are recorded in one transaction: the image is never accepted without
 * the work that finishes it. An image's details are its owner's; its renditions are seen by
 * whoever may see a post holding it (or the profile showing it as avatar or banner). Thread-safe.
 */
public final class MediaLibrary {
    /** Longest alt text, in characters. */
    public static final int MAX_ALT = 1500;
    private static final Base64.Encoder IDS = Base64.getUrlEncoder().withoutPadding();

    private final Jdbi jdbi;
    private final MediaDao dao;
    private final MediaStore store;
    private final Supplier<MediaLimits> limits;
    private final JobQueue jobs;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates the library.
     *
     * @param database the database
     * @param store    where bytes live
     * @param limits   what an upload may be, read per upload (an instance setting)
     * @param jobs     the queue render jobs go to
     * @param clock    the clock
     */
    public MediaLibrary(Database database, MediaStore store, Supplier<MediaLimits> limits, JobQueue jobs,
                        Clock clock) {
        this.jdbi = database.jdbi();
        this.dao = jdbi.onDemand(MediaDao.class);
        this.store = store;
        this.limits = limits;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** @return what an upload may be */
    public MediaLimits limits() {
        return limits.get();
    }

    /**
     * Accepts an upload for processing: checks it cheaply, keeps the original and queues its render.
     *
     * @param owner    the uploading account
     * @param original the uploaded bytes, hostile until the probe accepted them
     * @param framing  focal point and crops
     * @param altText  the alt text, possibly empty, at most {@value #MAX_ALT} characters
     * @return the image, {@code processing}
     * @throws MediaException when the probe refuses the bytes (nothing is stored then)
     */
    public StoredMedia upload(Viewer owner, byte[] original, Framing framing, String altText) {
        String alt = alt(altText);
        ImageProbe probe = ImageProbe.probe(original, limits.get());
        String originalKey = store.put(original);
        String publicId = newPublicId();
        jdbi.useTransaction(h -> {
            long id = h.attach(MediaDao.class).insert(publicId, owner.accountId(), probe.format().name(),
                    probe.width(), probe.height(), probe.frameCount(), originalKey, original.length, alt,
                    framing.focalPoint().x(), framing.focalPoint().y(),
                    framing.thumbnailCrop().map(CropRect::text).orElse(null),
                    framing.coverCrop().map(CropRect::text).orElse(null), clock.instant());
            MediaRenderer.enqueue(jobs, h, id);
        });
        return find(owner, publicId).orElseThrow();
    }

    /**
     * Changes an image's alt text and framing. A new framing sends the image back to
     * {@code processing}: a job re-renders its thumbnail and cover from the kept original. An image
     * whose processing failed has no original left, so its framing stays as it is.
     *
     * @param viewer   who asks (only the owner may)
     * @param publicId the image
     * @param altText  the new alt text, at most {@value #MAX_ALT} characters
     * @param framing  the new framing
     * @return the image after the change; empty if the viewer has no such image
     */
    public Optional<StoredMedia> edit(Viewer viewer, String publicId, String altText, Framing framing) {
        String alt = alt(altText);
        boolean found = jdbi.inTransaction(h -> {
            MediaDao tx = h.attach(MediaDao.class);
            Optional<MediaRecord> row = tx.byPublicId(publicId).filter(m -> m.ownerId() == viewer.accountId());
            if (row.isEmpty()) {
                return false;
            }
            MediaRecord media = row.get();
            if (!alt.equals(media.altText())) {
                tx.updateAlt(media.id(), alt);
                tx.touchPost(media.id(), clock.instant());
            }
            if (!framing.equals(media.framing()) && media.state() != MediaState.FAILED
                    && tx.reframe(media.id(), framing.focalPoint().x(), framing.focalPoint().y(),
                            framing.thumbnailCrop().map(CropRect::text).orElse(null),
                            framing.coverCrop().map(CropRect::text).orElse(null)) == 1) {
                tx.touchPost(media.id(), clock.instant());
                MediaRenderer.enqueue(jobs, h, media.id());
            }
            return true;
        });
        return found ? find(viewer, publicId) : Optional.empty();
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
        media.get().media().originalKey().ifPresent(keys::add);
        deleteUnreferenced(dao, store, keys);
        return true;
    }

    /** Deletes the stored bytes of those keys that no media row (original or rendition) refers to any more. */
    static void deleteUnreferenced(MediaDao dao, MediaStore store, Collection<String> keys) {
        for (String key : keys) {
            if (dao.references(key) == 0) {
                store.delete(key);
            }
        }
    }

    /** @return how many images are recorded */
    public long count() {
        return dao.count();
    }

    private static String alt(String altText) {
        String alt = altText == null ? "" : altText.strip();
        if (alt.length() > MAX_ALT) {
            throw new MediaException(MediaException.Reason.BAD_DETAILS, "Alt text is at most " + MAX_ALT + " characters.");
        }
        return alt;
    }

    private String newPublicId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return IDS.encodeToString(bytes);
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
