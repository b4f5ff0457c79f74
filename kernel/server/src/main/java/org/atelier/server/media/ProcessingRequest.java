package org.atelier.server.media;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to make of one image.
 *
 * @param limits         what the image may be
 * @param focalPoint     where default crops centre
 * @param thumbnailCrop  the artist's thumbnail rectangle; empty = the largest square around the focal point
 * @param coverCrop      the artist's cover rectangle; empty = the largest {@code coverAspect} rectangle around
 *                       the focal point
 * @param outputs        which renditions to make (the blurhash is always computed)
 * @param displayWidths  display rendition widths, ascending; an image is never upscaled, so widths
 *                       at or above its own width collapse into one rendition at its own width
 * @param thumbnailSize  the thumbnail's box: at most this many pixels a side
 * @param coverWidth     the cover's box: at most this many pixels a side
 * @param coverAspect    width ÷ height of the default cover crop. 16:9 by default: covers show as
 *                       feed and portfolio cards, and 16:9 keeps more of a portrait artwork than
 *                       a 3:1 banner would (profile banners can ask for 3)
 */
public record ProcessingRequest(MediaLimits limits, FocalPoint focalPoint, Optional<CropRect> thumbnailCrop,
                                Optional<CropRect> coverCrop, Set<Output> outputs, List<Integer> displayWidths,
                                int thumbnailSize, int coverWidth, double coverAspect) {

    /** A kind of rendition. */
    public enum Output {
        /** The display sizes ({@code display-<width>}). */
        DISPLAY,
        /** The square grid tile ({@code thumbnail}). */
        THUMBNAIL,
        /** The wide cover ({@code cover}). */
        COVER
    }

    /** Default display widths: phone, tablet, desktop, large/retina desktop. */
    public static final List<Integer> DEFAULT_DISPLAY_WIDTHS = List.of(320, 640, 1280, 2048);

    /**
     * Validates and copies the components.
     *
     * @param limits        the limits
     * @param focalPoint    the focal point
     * @param thumbnailCrop the thumbnail crop
     * @param coverCrop     the cover crop
     * @param outputs       the wanted renditions
     * @param displayWidths the display widths
     * @param thumbnailSize the thumbnail box
     * @param coverWidth    the cover box
     * @param coverAspect   the default cover aspect
     */
    public ProcessingRequest {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(focalPoint, "focalPoint");
        Objects.requireNonNull(thumbnailCrop, "thumbnailCrop");
        Objects.requireNonNull(coverCrop, "coverCrop");
        outputs = outputs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outputs));
        displayWidths = displayWidths.stream().sorted().distinct().toList();
        if (displayWidths.stream().anyMatch(w -> w <= 0) || thumbnailSize <= 0 || coverWidth <= 0
                || !(coverAspect > 0) || Double.isInfinite(coverAspect)) {
            throw new IllegalArgumentException("rendition sizes must be positive");
        }
        if (outputs.contains(Output.DISPLAY) && displayWidths.isEmpty()) {
            throw new IllegalArgumentException("display renditions need at least one width");
        }
    }

    /**
     * Everything, with default limits and sizes: display widths 320/640/1280/2048, a 640 px
     * thumbnail, a 1280 px 16:9 cover, centred.
     *
     * @return the default request
     */
    public static ProcessingRequest defaults() {
        return new ProcessingRequest(MediaLimits.defaults(), FocalPoint.centre(), Optional.empty(), Optional.empty(),
                EnumSet.allOf(Output.class), DEFAULT_DISPLAY_WIDTHS, 640, 1280, 16.0 / 9.0);
    }

    /**
     * A copy with other limits.
     *
     * @param newLimits the limits
     * @return the copy
     */
    public ProcessingRequest withLimits(MediaLimits newLimits) {
        return new ProcessingRequest(newLimits, focalPoint, thumbnailCrop, coverCrop, outputs, displayWidths,
                thumbnailSize, coverWidth, coverAspect);
    }

    /**
     * A copy with another focal point.
     *
     * @param point the focal point
     * @return the copy
     */
    public ProcessingRequest withFocalPoint(FocalPoint point) {
        return new ProcessingRequest(limits, point, thumbnailCrop, coverCrop, outputs, displayWidths, thumbnailSize,
                coverWidth, coverAspect);
    }

    /**
     * A copy with the artist's thumbnail crop.
     *
     * @param crop the rectangle
     * @return the copy
     */
    public ProcessingRequest withThumbnailCrop(CropRect crop) {
        return new ProcessingRequest(limits, focalPoint, Optional.of(crop), coverCrop, outputs, displayWidths,
                thumbnailSize, coverWidth, coverAspect);
    }

    /**
     * A copy with the artist's cover crop.
     *
     * @param crop the rectangle
     * @return the copy
     */
    public ProcessingRequest withCoverCrop(CropRect crop) {
        return new ProcessingRequest(limits, focalPoint, thumbnailCrop, Optional.of(crop), outputs, displayWidths,
                thumbnailSize, coverWidth, coverAspect);
    }

    /**
     * A copy that makes only these renditions.
     *
     * @param wanted the renditions
     * @return the copy
     */
    public ProcessingRequest withOutputs(Set<Output> wanted) {
        return new ProcessingRequest(limits, focalPoint, thumbnailCrop, coverCrop, wanted, displayWidths,
                thumbnailSize, coverWidth, coverAspect);
    }

    /**
     * A copy with other display widths.
     *
     * @param widths the widths
     * @return the copy
     */
    public ProcessingRequest withDisplayWidths(List<Integer> widths) {
        return new ProcessingRequest(limits, focalPoint, thumbnailCrop, coverCrop, outputs, widths, thumbnailSize,
                coverWidth, coverAspect);
    }

    /**
     * A copy with another default cover aspect ratio.
     *
     * @param aspect width ÷ height
     * @return the copy
     */
    public ProcessingRequest withCoverAspect(double aspect) {
        return new ProcessingRequest(limits, focalPoint, thumbnailCrop, coverCrop, outputs, displayWidths,
                thumbnailSize, coverWidth, aspect);
    }
}
