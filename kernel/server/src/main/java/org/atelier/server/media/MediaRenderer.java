package org.atelier.server.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.atelier.server.http.Json;
import org.atelier.server.jobs.ClaimedJob;
import org.atelier.server.jobs.EnqueueOptions;
import org.atelier.server.jobs.JobQueue;
import org.atelier.server.store.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs the {@value #QUEUE} jobs: makes an uploaded image's renditions from its stored original
 * with the {@link MediaPipeline}, stores them, and flips its row from {@code processing} to
 * {@code ready}. The job's payload is the media row's id.
 *
 * <ul>
 *   <li>The first render makes every rendition; a later one (the artist changed the focal point or
 *       a crop) makes only the thumbnail and the cover, which are the only ones framing changes.</li>
 *   <li>Progress is written to the row as the pipeline reports it, at most once every
 *       {@value #PROGRESS_STEP} points, and told to the {@link ProgressListener}s.</li>
 *   <li>A refusal found only while decoding (damaged data, decode time limit) is the image's
 *       fault and final: a first render marks the row {@code failed} with the message and deletes
 *       the original if nothing else shares it; a re-crop leaves the image {@code ready} with its
 *       previous thumbnail and cover and the message as its error. The job completes either way.
 *       Anything else (the store or database failing) fails the attempt, which the queue retries;
 *       after {@value #MAX_ATTEMPTS} attempts the job is DEAD, the image stays {@code processing}
 *       with its original kept, and an admin can retry the job.</li>
 *   <li>Runs are idempotent: a row that is no longer {@code processing} is left alone, and a result
 *       is recorded only while the row's render revision is the one that was rendered, so a run
 *       repeated after a lease expired, or an older render finishing after a newer re-crop, changes
 *       nothing. Stored bytes are content-addressed, so storing the same rendition twice is one
 *       file.</li>
 * </ul>
 *
 * <p>Thread-safe: the worker runs several jobs at once.
 */
public final class MediaRenderer {
    /** The queue render jobs run on. */
    public static final String QUEUE = "media.render";
    /** Attempts a render job gets: only unexpected errors (storage, database) are retried. */
    static final int MAX_ATTEMPTS = 5;
    /** Least progress, in points, between two writes of it to the database. */
    static final int PROGRESS_STEP = 20;

    private static final System.Logger LOG = System.getLogger(MediaRenderer.class.getName());
    private static final int MAX_ERROR = 500;

    private final java.time.Clock clock;
    private final Jdbi jdbi;
    private final MediaDao dao;
    private final MediaStore store;
    private final MediaPipeline pipeline;
    private final Supplier<MediaLimits> limits;
    private final List<ProgressListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Told every progress value as it is recorded: while an image is processing, and 100 when it is
     * ready or failed. Listeners run on the job's thread and should return quickly.
     */
    @FunctionalInterface
    public interface ProgressListener {
        /**
         * An image's progress was recorded.
         *
         * @param publicId the image
         * @param percent  0..100
         */
        void progressed(String publicId, int percent);
    }

    /**
     * Creates the renderer.
     *
     * @param database the database
     * @param store    where originals and renditions live
     * @param pipeline the media pipeline
     * @param limits   what an image may be, read per render (an instance setting)
     * @param clock    the clock
     */
    public MediaRenderer(Database database, MediaStore store, MediaPipeline pipeline, Supplier<MediaLimits> limits,
                         java.time.Clock clock) {
        this.clock = clock;
        this.jdbi = database.jdbi();
        this.dao = jdbi.onDemand(MediaDao.class);
        this.store = store;
        this.pipeline = pipeline;
        this.limits = limits;
    }

    /** Enqueues the render of a media row inside the transaction that wrote it. */
    static void enqueue(JobQueue jobs, Handle handle, long mediaId) {
        jobs.enqueue(handle, QUEUE, Long.toString(mediaId), EnqueueOptions.defaults().withMaxAttempts(MAX_ATTEMPTS));
    }

    /**
     * Adds a progress listener.
     *
     * @param listener told every recorded progress value
     */
    public void addProgressListener(ProgressListener listener) {
        listeners.add(listener);
    }

    /**
     * Removes a progress listener.
     *
     * @param listener a listener added before
     */
    public void removeProgressListener(ProgressListener listener) {
        listeners.remove(listener);
    }

    /**
     * Runs one render job (the worker's handler for {@value #QUEUE}).
     *
     * @param job the claimed job; its payload is the media row's id
     */
    public void handle(ClaimedJob job) {
        long mediaId;
        try {
            mediaId = Long.parseLong(job.payload());
        } catch (NumberFormatException e) {
            // no run of this job can ever succeed: complete it rather than retry it
            LOG.log(System.Logger.Level.WARNING, "render job {0} has no media id: {1}", job.id(), job.payload());
            return;
        }
        render(mediaId);
    }

    /** Renders one media row if it is waiting for it. */
    private void render(long mediaId) {
        Optional<MediaRecord> row = dao.byId(mediaId);
        if (row.isEmpty() || row.get().state() != MediaState.PROCESSING) {
            return; // deleted, or an earlier run of this job already finished it
        }
        MediaRecord media = row.get();
        boolean firstRender = dao.renditions(mediaId).isEmpty();
        Optional<byte[]> original = media.originalKey().flatMap(this::read);
        if (original.isEmpty()) {
            refused(media, firstRender, "The uploaded file is no longer stored; please upload it again.");
            return;
        }
        ProcessingRequest request = media.framing().applyTo(ProcessingRequest.defaults().withLimits(limits.get()));
        if (!firstRender) {
            request = request.withOutputs(EnumSet.of(ProcessingRequest.Output.THUMBNAIL,
                    ProcessingRequest.Output.COVER));
        }
        ProcessedImage image;
        try {
            image = pipeline.process(original.get(), request, new ProgressWriter(media));
        } catch (MediaException e) {
            if (Thread.currentThread().isInterrupted()) {
                // the worker is shutting down: whatever the decoder made of that, the image is not at fault
                throw new IllegalStateException("interrupted while rendering media " + mediaId, e);
            }
            refused(media, firstRender, e.getMessage());
            return;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        image.renditions().forEach((name, rendition) -> keys.put(name, store.put(rendition.bytes())));
        record(media, image, keys);
    }

    /** Records a render's result if it is still current, and removes the files it replaced. */
    private void record(MediaRecord media, ProcessedImage image, Map<String, String> keys) {
        String provenance = new String(Json.write(provenanceView(image)), StandardCharsets.UTF_8);
        List<String> replaced = new ArrayList<>();
        boolean current = jdbi.inTransaction(h -> {
            replaced.clear();
            MediaDao tx = h.attach(MediaDao.class);
            if (tx.ready(media.id(), media.renderRevision(), image.width(), image.height(), image.frameCount(),
                    image.blurhash(), provenance) == 0) {
                return false;
            }
            for (RenditionRecord old : tx.renditions(media.id())) {
                String key = keys.get(old.name());
                if (key != null && !key.equals(old.contentKey())) {
                    replaced.add(old.contentKey());
                }
            }
            tx.deleteRenditions(media.id(), keys.keySet());
            for (Map.Entry<String, Rendition> entry : image.renditions().entrySet()) {
                Rendition r = entry.getValue();
                tx.insertRendition(new RenditionRecord(media.id(), entry.getKey(), r.mediaType(), r.width(),
                        r.height(), r.frameCount(), r.size(), keys.get(entry.getKey())));
            }
            tx.touchPost(media.id(), clock.instant());
            return true;
        });
        if (current) {
            deleteUnreferenced(replaced);
            notifyListeners(media.publicId(), 100);
        } else if (dao.byId(media.id()).isEmpty()) {
            // the artist deleted the image while it was rendering: what this run stored is nobody's
            deleteUnreferenced(keys.values());
        }
        // otherwise a newer framing superseded this render, and its own job records the result
    }

    /** Records a refusal found while decoding; see the class comment. */
    private void refused(MediaRecord media, boolean firstRender, String message) {
        String error = message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
        if (firstRender) {
            if (dao.failed(media.id(), media.renderRevision(), error) == 1) {
                media.originalKey().ifPresent(key -> deleteUnreferenced(List.of(key)));
                notifyListeners(media.publicId(), 100);
            }
        } else if (dao.reframeRefused(media.id(), media.renderRevision(), error) == 1) {
            dao.touchPost(media.id(), clock.instant());
            notifyListeners(media.publicId(), 100);
        }
        LOG.log(System.Logger.Level.INFO, "media {0} refused while rendering: {1}", media.publicId(), error);
    }

    private Optional<byte[]> read(String key) {
        Optional<InputStream> in = store.open(key);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(stream.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the original " + key, e);
        }
    }

    private void deleteUnreferenced(Collection<String> keys) {
        MediaLibrary.deleteUnreferenced(dao, store, keys);
    }

    private void notifyListeners(String publicId, int percent) {
        for (ProgressListener listener : listeners) {
            try {
                listener.progressed(publicId, percent);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "media progress listener failed", e);
            }
        }
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
                .filter(e -> !e.directory().toUpperCase(Locale.ROOT).startsWith("GPS")).toList());
        return view;
    }

    /** Writes the pipeline's progress to the row, thinned to one write every {@value #PROGRESS_STEP} points. */
    private final class ProgressWriter implements IntConsumer {
        private final MediaRecord media;
        private int written;

        ProgressWriter(MediaRecord media) {
            this.media = media;
            this.written = media.progress();
        }

        @Override
        public void accept(int percent) {
            // 100 is written with the result, in the same update that makes the image ready
            if (percent >= 100 || percent - written < PROGRESS_STEP) {
                return;
            }
            written = percent;
            if (dao.progress(media.id(), media.renderRevision(), percent) == 1) {
                notifyListeners(media.publicId(), percent);
            }
        }
    }
}
