package org.atelier.server.media;

import java.awt.color.ICC_ColorSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.atelier.plugin.api.ImageFormat;

/**
 * The media pipeline's single entry: from an original file to its metadata, blurhash and
 * renditions, all in memory (storage and AI detection are the caller's next steps).
 *
 * <p>Order, and why it matters (DESIGN.md §1 "Media pipeline"): sniff the type from the bytes →
 * check size, dimensions and frames from the headers (bombs are refused before any pixel is
 * decoded) → read provenance metadata from the original bytes → decode → for each rendition,
 * crop and resample, turn upright (EXIF orientation), convert to sRGB, and encode from pixels,
 * which strips every piece of metadata, GPS included.
 *
 * <p>Stateless and thread-safe; each call uses only its own memory, bounded by the request's
 * limits (peak heap ≈ the decoded image as packed ints — 4 bytes a pixel, 200 MB at the default
 * 50 megapixel limit — plus the renditions; a large JPEG is decoded subsampled when its largest
 * rendition needs far fewer pixels).
 */
public final class MediaPipeline {

    /** Width of the copy the blurhash is computed on: it keeps only the lowest frequencies. */
    private static final int BLURHASH_WIDTH = 32;

    /** Progress once the headers are checked. */
    public static final int PROBED = 10;
    /** Progress once the metadata is read. */
    public static final int READ_METADATA = 20;
    /** Progress once a still image is decoded: decoding is usually the largest single step. */
    public static final int DECODED = 50;
    /** Progress once every rendition is made (the blurhash remains). */
    public static final int RENDERED = 95;

    /** Creates the (stateless) pipeline. */
    public MediaPipeline() {
    }

    /** One output to make: a rectangle of the upright image and the output size. */
    private record Plan(String name, double x, double y, double w, double h, int outW, int outH) {
    }

    /**
     * Processes one image.
     *
     * @param original the file as uploaded or fetched
     * @param request  what to make
     * @return the metadata, blurhash and renditions
     * @throws MediaException if the image is refused (type, size, dimensions, frames, damage, time)
     */
    public ProcessedImage process(byte[] original, ProcessingRequest request) {
        return process(original, request, percent -> { });
    }

    /**
     * Processes one image, reporting how far it got: after the probe ({@value #PROBED}), after the
     * metadata ({@value #READ_METADATA}), after decoding ({@value #DECODED}; animations report once
     * all their renditions are made, at {@value #RENDERED}), after each rendition, and 100 when done.
     * The values only grow; the listener runs on the calling thread, so it should be quick.
     *
     * @param original the file as uploaded or fetched
     * @param request  what to make
     * @param progress told the percentage done, 0..100
     * @return the metadata, blurhash and renditions
     * @throws MediaException if the image is refused (type, size, dimensions, frames, damage, time)
     */
    public ProcessedImage process(byte[] original, ProcessingRequest request, IntConsumer progress) {
        MediaLimits limits = request.limits();
        ImageProbe probe = ImageProbe.probe(original, limits);
        progress.accept(PROBED);
        MetadataReader.Result meta = MetadataReader.read(original, probe.format());
        progress.accept(READ_METADATA);
        // GIF has no EXIF orientation; for the others browsers honour it, so we do too
        Orientation orientation = probe.format() == ImageFormat.GIF ? Orientation.NORMAL : meta.orientation();
        int width = orientation.swapsAxes() ? probe.height() : probe.width();
        int height = orientation.swapsAxes() ? probe.width() : probe.height();
        List<Plan> plans = plan(width, height, request);

        Map<String, Rendition> renditions = new LinkedHashMap<>();
        String blurhash;
        if (probe.animated()) {
            List<AnimatedGif.Target> targets = new ArrayList<>();
            for (Plan p : plans) {
                targets.add(new AnimatedGif.Target(p.x(), p.y(), p.w(), p.h(), p.outW(), p.outH()));
            }
            List<byte[]> gifs = AnimatedGif.render(original, probe, limits, targets);
            progress.accept(RENDERED);
            for (int i = 0; i < plans.size(); i++) {
                Plan p = plans.get(i);
                renditions.put(p.name(), new Rendition(p.name(), ImageFormat.GIF.mediaType(), p.outW(), p.outH(),
                        probe.frameCount(), gifs.get(i)));
            }
            Pixels first = AnimatedGif.firstFrame(original, probe, limits);
            blurhash = blurhash(Resampler.Region.whole(first), width, height, Orientation.NORMAL, Optional.empty());
        } else {
            int subsample = probe.format() == ImageFormat.JPEG ? subsampling(plans, probe, orientation) : 1;
            Pixels pixels = StillDecoder.decode(original, probe, limits, subsample);
            progress.accept(DECODED);
            Optional<ICC_ColorSpace> profile = ColorProfiles.embedded(original, probe.format());
            String mediaType = Renditions.stillMediaType(probe.format(), original, pixels.alpha);
            // stored-pixel units per upright-image unit (1 unless decoded subsampled)
            double fx = (double) pixels.width / probe.width();
            double fy = (double) pixels.height / probe.height();
            Resampler.Region whole = Resampler.Region.whole(pixels);
            for (int i = 0; i < plans.size(); i++) {
                Plan p = plans.get(i);
                double[] r = orientation.toStored(p.x(), p.y(), p.w(), p.h(), probe.width(), probe.height());
                double sx = r[0] * fx;
                double sy = r[1] * fy;
                double sw = r[2] * fx;
                double sh = r[3] * fy;
                boolean isWhole = sw >= pixels.width - 1e-6 && sh >= pixels.height - 1e-6;
                // crops get their own region so that no filter tap or box average reaches outside them
                Resampler.Region region = isWhole ? whole : cropRegion(pixels, sx, sy, sw, sh);
                int ow = orientation.swapsAxes() ? p.outH() : p.outW();
                int oh = orientation.swapsAxes() ? p.outW() : p.outH();
                Pixels out = orientation.apply(region.resample(sx, sy, sw, sh, ow, oh));
                if (profile.isPresent()) {
                    out = ColorProfiles.toSrgb(out, profile.get());
                }
                byte[] encoded = mediaType.equals("image/png") ? Encoders.png(out) : Encoders.jpeg(out);
                renditions.put(p.name(), new Rendition(p.name(), mediaType, out.width, out.height, 1, encoded));
                progress.accept(DECODED + (RENDERED - DECODED) * (i + 1) / plans.size());
            }
            blurhash = blurhash(whole, pixels.width, pixels.height, orientation, profile);
        }
        progress.accept(100);
        return new ProcessedImage(probe.format(), width, height, probe.frameCount(), orientation, meta.metadata(),
                meta.provenance(), meta.truncated(), blurhash, renditions);
    }

    /** The outputs for an upright image of this size. */
    private static List<Plan> plan(int width, int height, ProcessingRequest request) {
        List<Plan> plans = new ArrayList<>();
        if (request.outputs().contains(ProcessingRequest.Output.DISPLAY)) {
            for (Renditions.Size s : Renditions.displaySizes(width, height, request.displayWidths())) {
                plans.add(new Plan(s.name(), 0, 0, width, height, s.width(), s.height()));
            }
        }
        if (request.outputs().contains(ProcessingRequest.Output.THUMBNAIL)) {
            CropRect crop = request.thumbnailCrop()
                    .orElseGet(() -> CropRect.largestCentred(width, height, 1.0, request.focalPoint()));
            plans.add(cropPlan(Renditions.THUMBNAIL, crop, width, height, request.thumbnailSize()));
        }
        if (request.outputs().contains(ProcessingRequest.Output.COVER)) {
            CropRect crop = request.coverCrop()
                    .orElseGet(() -> CropRect.largestCentred(width, height, request.coverAspect(), request.focalPoint()));
            plans.add(cropPlan(Renditions.COVER, crop, width, height, request.coverWidth()));
        }
        return plans;
    }

    private static Plan cropPlan(String name, CropRect crop, int width, int height, int box) {
        double[] r = crop.toPixels(width, height);
        Renditions.Size size = Renditions.fit(name, r[2], r[3], box);
        return new Plan(name, r[0], r[1], r[2], r[3], size.width(), size.height());
    }

    /**
     * The JPEG source subsampling factor: keep at least twice the pixels the most demanding output
     * needs (so the final filter still has real data to average, and aliasing stays invisible),
     * drop the rest at decode time.
     */
    private static int subsampling(List<Plan> plans, ImageProbe probe, Orientation orientation) {
        double least = Double.MAX_VALUE;
        for (Plan p : plans) {
            double ratio = Math.min(p.w() / p.outW(), p.h() / p.outH());
            least = Math.min(least, ratio);
        }
        if (plans.isEmpty()) {
            least = Math.max(probe.width(), probe.height()) / (double) BLURHASH_WIDTH;
        }
        int s = (int) Math.floor(least / 2);
        return Math.max(1, Math.min(s, Math.min(probe.width(), probe.height())));
    }

    private static Resampler.Region cropRegion(Pixels pixels, double sx, double sy, double sw, double sh) {
        int x0 = Resampler.clamp((int) Math.floor(sx + 1e-9), 0, pixels.width - 1);
        int y0 = Resampler.clamp((int) Math.floor(sy + 1e-9), 0, pixels.height - 1);
        int x1 = Resampler.clamp((int) Math.ceil(sx + sw - 1e-9), x0 + 1, pixels.width);
        int y1 = Resampler.clamp((int) Math.ceil(sy + sh - 1e-9), y0 + 1, pixels.height);
        return new Resampler.Region(pixels, x0, y0, x1 - x0, y1 - y0);
    }

    /** The blurhash of the whole upright image, computed on a copy about 32 px wide. */
    private static String blurhash(Resampler.Region region, int storedW, int storedH, Orientation orientation,
                                   Optional<ICC_ColorSpace> profile) {
        int uprightW = orientation.swapsAxes() ? storedH : storedW;
        int uprightH = orientation.swapsAxes() ? storedW : storedH;
        int bw = Math.min(BLURHASH_WIDTH, uprightW);
        int bh = Math.max(1, Math.min(uprightH, (int) Math.round((double) uprightH * bw / uprightW)));
        int ow = orientation.swapsAxes() ? bh : bw;
        int oh = orientation.swapsAxes() ? bw : bh;
        Pixels small = orientation.apply(region.resample(0, 0, storedW, storedH, ow, oh));
        if (profile.isPresent()) {
            small = ColorProfiles.toSrgb(small, profile.get());
        }
        return Blurhash.encode(small, 4, 3);
    }
}
