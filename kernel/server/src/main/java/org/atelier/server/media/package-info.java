/**
 * The media pipeline: from an uploaded or fetched image file to its provenance metadata, blurhash
 * and renditions, in memory. The pipeline itself is a pure library — no database, HTTP or posts;
 * callers store what {@link org.atelier.server.media.MediaPipeline#process} returns.
 *
 * <p>Steps (DESIGN.md §1 "Media pipeline"), each its own type:
 * <ol>
 *   <li>{@link org.atelier.server.media.ImageSniffer} — the format from the bytes only (JPEG, PNG,
 *       GIF, WebP); everything else is refused.</li>
 *   <li>{@link org.atelier.server.media.ImageProbe} — dimensions and frame count from the headers,
 *       checked against {@link org.atelier.server.media.MediaLimits} before any pixel is decoded
 *       (decompression bombs, frame bombs); every reader works on an in-memory stream with a
 *       deadline, so no file can hang it.</li>
 *   <li>{@link org.atelier.server.media.MetadataReader} — every tag of the original (bounded) as the
 *       plugin API's {@code ImageMetadata}, plus a {@link org.atelier.server.media.Provenance}
 *       summary (C2PA presence, DigitalSourceType, generator text chunks, Software, GPS).</li>
 *   <li>Renditions ({@link org.atelier.server.media.Renditions}) — display sizes, the thumbnail and
 *       cover crops ({@link org.atelier.server.media.CropRect}, {@link org.atelier.server.media.FocalPoint}),
 *       upright ({@link org.atelier.server.media.Orientation}), sRGB, re-encoded from pixels so no
 *       metadata survives; animated GIFs stay animated ({@link org.atelier.server.media.AnimatedGif});
 *       a {@link org.atelier.server.media.Blurhash}.</li>
 * </ol>
 *
 * <p>Around the pipeline: {@link org.atelier.server.media.MediaLibrary} accepts uploads after the
 * probe alone and records them {@code processing} together with a job, and
 * {@link org.atelier.server.media.MediaRenderer} runs the pipeline on the kernel's job queue,
 * reporting progress and flipping each image to {@code ready} or {@code failed}
 * ({@link org.atelier.server.media.MediaState}).
 *
 * <p>Every refusal is a {@link org.atelier.server.media.MediaException} with a
 * {@link org.atelier.server.media.MediaException.Reason} and a message fit for the uploader.
 * Public types are immutable or stateless, and thread-safe. Known limits: animated WebP is
 * refused (not composited yet); APNG keeps its default image only; CMYK JPEGs are refused (the
 * JDK decoder does not read them); WebP renditions are JPEG or PNG (there is no WebP encoder).
 */
package org.atelier.server.media;
