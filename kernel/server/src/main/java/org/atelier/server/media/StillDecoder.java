package org.atelier.server.media;

import java.awt.image.BufferedImage;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageTypeSpecifier;
import org.atelier.plugin.api.ImageFormat;

/**
 * Decodes the pixels of a still image (or a GIF's first frame) that {@link ImageProbe} has
 * already accepted, so the allocation is bounded by the pixel limit.
 */
final class StillDecoder {

    private StillDecoder() {
    }

    /**
     * Decodes an image, optionally keeping only every {@code subsample}-th pixel in each direction
     * (JPEG only, where it bounds heap use by the output sizes rather than by the file).
     */
    static Pixels decode(byte[] bytes, ImageProbe probe, MediaLimits limits, int subsample) {
        if (probe.format() == ImageFormat.GIF) {
            return AnimatedGif.firstFrame(bytes, probe, limits);
        }
        return Readers.withReader(bytes, probe.format(), limits, true, (reader, warnings) -> {
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsample > 1) {
                param.setSourceSubsampling(subsample, subsample, 0, 0);
            }
            if (probe.format() == ImageFormat.JPEG) {
                // decode straight into packed int RGB: the shape the resampler uses, no conversion pass
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                while (types.hasNext()) {
                    ImageTypeSpecifier t = types.next();
                    if (t.getBufferedImageType() == BufferedImage.TYPE_INT_RGB) {
                        param.setDestinationType(t);
                        break;
                    }
                }
            }
            BufferedImage image = reader.read(0, param);
            for (String w : warnings) {
                // libjpeg only warns about a truncated file and fills the rest with grey
                if (w.toLowerCase(Locale.ROOT).contains("premature end")) {
                    throw ImageProbe.corrupt();
                }
            }
            return Pixels.of(image);
        });
    }
}
