package org.atelier.server.media;

import java.util.Objects;
import java.util.Optional;

/**
 * How the artist frames an image: the focal point default crops centre on, and their own
 * thumbnail and cover rectangles if they drew them. Chosen at upload and changed later; the
 * render job reads it from the media row.
 *
 * @param focalPoint    where default crops centre
 * @param thumbnailCrop the artist's thumbnail rectangle, if chosen
 * @param coverCrop     the artist's cover rectangle, if chosen
 */
public record Framing(FocalPoint focalPoint, Optional<CropRect> thumbnailCrop, Optional<CropRect> coverCrop) {

    /**
     * Checks the components.
     *
     * @param focalPoint    the focal point
     * @param thumbnailCrop the thumbnail crop
     * @param coverCrop     the cover crop
     */
    public Framing {
        Objects.requireNonNull(focalPoint, "focalPoint");
        Objects.requireNonNull(thumbnailCrop, "thumbnailCrop");
        Objects.requireNonNull(coverCrop, "coverCrop");
    }

    /**
     * Centred, without custom crops.
     *
     * @return the default framing
     */
    public static Framing centred() {
        return new Framing(FocalPoint.centre(), Optional.empty(), Optional.empty());
    }

    /**
     * A request that renders with this framing.
     *
     * @param request sizes, limits and outputs
     * @return the request with this focal point and exactly these crops
     */
    public ProcessingRequest applyTo(ProcessingRequest request) {
        return new ProcessingRequest(request.limits(), focalPoint, thumbnailCrop, coverCrop, request.outputs(),
                request.displayWidths(), request.thumbnailSize(), request.coverWidth(), request.coverAspect());
    }
}
