package org.atelier.server.media;

import java.util.ArrayList;
import java.util.List;
import org.atelier.plugin.api.ImageFormat;

/**
 * Which renditions an image gets, at what sizes, in what format.
 *
 * <ul>
 *   <li>Display sizes: one per configured width below the image's own width, plus one at the
 *       image's own width (capped at the largest configured width), so nothing is upscaled and a
 *       small image still has a display rendition. Named after the width slot they fill
 *       ({@code display-2048} of a 1500 px image is 1500 px wide), so pages can build a
 *       {@code srcset} from whichever slots exist.</li>
 *   <li>Crops (thumbnail, cover) keep the crop's own aspect and are scaled to fit their box, never
 *       up: a tiny custom crop comes out at its own pixel size.</li>
 *   <li>Format: lossless art stays lossless. JPEG → JPEG (quality 0.9, 4:4:4); PNG → PNG; a still
 *       GIF → PNG; an animated GIF → animated GIF; WebP (no encoder here) → PNG when it is lossless
 *       or has alpha, else JPEG.</li>
 * </ul>
 */
public final class Renditions {

    /** The thumbnail's name. */
    public static final String THUMBNAIL = "thumbnail";
    /** The cover's name. */
    public static final String COVER = "cover";

    /**
     * A planned output size.
     *
     * @param name   rendition name
     * @param width  width in pixels
     * @param height height in pixels
     */
    public record Size(String name, int width, int height) {
    }

    private Renditions() {
    }

    /**
     * The name of a display rendition.
     *
     * @param slot the configured width it fills
     * @return {@code display-<slot>}
     */
    public static String display(int slot) {
        return "display-" + slot;
    }

    /**
     * The display sizes of an upright image.
     *
     * @param width  upright width
     * @param height upright height
     * @param slots  configured widths, ascending
     * @return the sizes, smallest first
     */
    public static List<Size> displaySizes(int width, int height, List<Integer> slots) {
        List<Size> out = new ArrayList<>();
        for (int slot : slots) {
            int w = Math.min(slot, width);
            out.add(new Size(display(slot), w, Math.max(1, (int) Math.round((double) height * w / width))));
            if (w == width) {
                break; // the image's own size: larger slots would only repeat it
            }
        }
        return out;
    }

    /**
     * The size of a crop scaled to fit a square box, never upscaled.
     *
     * @param name  rendition name
     * @param cropW crop width in image pixels
     * @param cropH crop height in image pixels
     * @param box   most pixels a side
     * @return the output size
     */
    public static Size fit(String name, double cropW, double cropH, int box) {
        double scale = Math.min(1.0, Math.min(box / cropW, box / cropH));
        return new Size(name, Math.max(1, (int) Math.round(cropW * scale)), Math.max(1, (int) Math.round(cropH * scale)));
    }

    /**
     * The media type renditions of an original get (animated GIFs aside).
     *
     * @param format the original's format
     * @param original the original's bytes (WebP: whether it is lossless or declares alpha)
     * @param alpha  whether the decoded pixels have transparency
     * @return {@code image/jpeg} or {@code image/png}
     */
    static String stillMediaType(ImageFormat format, byte[] original, boolean alpha) {
        return switch (format) {
            case JPEG -> "image/jpeg";
            case PNG, GIF -> "image/png";
            case WEBP -> alpha || ImageProbe.WebpContainer.lossless(original)
                    || ImageProbe.WebpContainer.declaresAlpha(original) ? "image/png" : "image/jpeg";
        };
    }
}
