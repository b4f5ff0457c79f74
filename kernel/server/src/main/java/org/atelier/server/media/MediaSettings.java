package org.atelier.server.media;

import java.util.Optional;
import java.util.function.Supplier;
import org.atelier.server.store.InstanceSettings;

/**
 * The upload limits as instance settings: an admin changes the largest file, the most megapixels
 * and the most animation frames while the instance runs; every node reads them per upload. Values
 * outside the allowed ranges are refused when set, and a stored value that is not a number falls
 * back to the default, so a bad row can never turn the guards off.
 */
public final class MediaSettings implements Supplier<MediaLimits> {
    /** Setting: the largest upload, in megabytes (MiB). */
    public static final String MAX_MEGABYTES = "media.max_megabytes";
    /** Setting: the most pixels of one image, in megapixels. */
    public static final String MAX_MEGAPIXELS = "media.max_megapixels";
    /** Setting: the most frames of an animation. */
    public static final String MAX_FRAMES = "media.max_frames";
    /**
     * The most an admin may allow: the web server refuses larger request bodies (80 MB), and past
     * 200 megapixels one decoded image alone would need 800 MB of heap.
     */
    public static final int CEILING_MEGABYTES = 80;
    /** The most megapixels an admin may allow. */
    public static final int CEILING_MEGAPIXELS = 200;
    /** The most frames an admin may allow. */
    public static final int CEILING_FRAMES = 1000;

    private final InstanceSettings settings;

    /**
     * Creates the settings view.
     *
     * @param settings the instance settings
     */
    public MediaSettings(InstanceSettings settings) {
        this.settings = settings;
    }

    /** @return the limits in force now */
    @Override
    public MediaLimits get() {
        MediaLimits defaults = MediaLimits.defaults();
        long bytes = read(MAX_MEGABYTES, CEILING_MEGABYTES).map(mb -> mb * 1024L * 1024L).orElse(defaults.maxBytes());
        long pixels = read(MAX_MEGAPIXELS, CEILING_MEGAPIXELS).map(mp -> mp * 1_000_000L).orElse(defaults.maxPixels());
        int frames = read(MAX_FRAMES, CEILING_FRAMES).map(Long::intValue).orElse(defaults.maxFrames());
        return defaults.withMaxBytes(bytes).withMaxPixels(pixels).withAnimationLimits(frames,
                Math.max(defaults.maxTotalFramePixels(), pixels));
    }

    /**
     * Sets the limits (the caller checks the actor is an admin); all are checked before any is written.
     *
     * @param megabytes  largest upload, 1 to {@value #CEILING_MEGABYTES}
     * @param megapixels most pixels, 1 to {@value #CEILING_MEGAPIXELS}
     * @param frames     most frames, 1 to {@value #CEILING_FRAMES}
     * @throws IllegalArgumentException with a message fit for the admin when a value is out of range
     */
    public void set(Optional<Long> megabytes, Optional<Long> megapixels, Optional<Long> frames) {
        check(megabytes, megapixels, frames);
        megabytes.ifPresent(v -> settings.put(MAX_MEGABYTES, Long.toString(v)));
        megapixels.ifPresent(v -> settings.put(MAX_MEGAPIXELS, Long.toString(v)));
        frames.ifPresent(v -> settings.put(MAX_FRAMES, Long.toString(v)));
    }

    /**
     * Checks limits without setting them.
     *
     * @param megabytes  largest upload
     * @param megapixels most pixels
     * @param frames     most frames
     * @throws IllegalArgumentException when one is out of range
     */
    public void check(Optional<Long> megabytes, Optional<Long> megapixels, Optional<Long> frames) {
        check(megabytes, CEILING_MEGABYTES, "The largest upload is 1 to " + CEILING_MEGABYTES + " MB.");
        check(megapixels, CEILING_MEGAPIXELS, "The most megapixels are 1 to " + CEILING_MEGAPIXELS + ".");
        check(frames, CEILING_FRAMES, "The most frames are 1 to " + CEILING_FRAMES + ".");
    }

    private static void check(Optional<Long> value, int ceiling, String message) {
        if (value.isPresent() && (value.get() < 1 || value.get() > ceiling)) {
            throw new IllegalArgumentException(message);
        }
    }

    private Optional<Long> read(String name, int ceiling) {
        try {
            return settings.get(name).map(Long::parseLong).filter(v -> v >= 1 && v <= ceiling);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
