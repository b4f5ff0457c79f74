package org.atelier.server.media;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.atelier.plugin.api.ImageFormat;

/**
 * Converts pixels from an embedded ICC colour space to sRGB, best effort.
 *
 * <p>Why: renditions carry no profile (all metadata is stripped), and browsers read untagged
 * images as sRGB, so a Display P3 or Adobe RGB photo would look dull or off unless its pixels
 * are converted. The pipeline converts each small output, not the decoded original, which is
 * far cheaper and visually the same. A profile that cannot be parsed, or is not an RGB profile,
 * or already is sRGB, is left alone.
 */
final class ColorProfiles {

    private ColorProfiles() {
    }

    /** An RGB source profile to convert from, if the file embeds one that is not sRGB. */
    static Optional<ICC_ColorSpace> embedded(byte[] bytes, ImageFormat format) {
        Optional<byte[]> data = switch (format) {
            case JPEG -> JpegSegments.iccProfile(bytes);
            case PNG -> PngChunks.iccProfile(bytes);
            case WEBP -> webpIccp(bytes);
            case GIF -> Optional.empty();
        };
        if (data.isEmpty()) {
            return Optional.empty();
        }
        try {
            ICC_Profile profile = ICC_Profile.getInstance(data.get());
            if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB || isSrgb(profile)) {
                return Optional.empty();
            }
            return Optional.of(new ICC_ColorSpace(profile));
        } catch (RuntimeException e) {
            return Optional.empty(); // unreadable profile: keep the pixels as they are
        }
    }

    private static Optional<byte[]> webpIccp(byte[] b) {
        int pos = ImageProbe.WebpContainer.findChunk(b, "ICCP");
        if (pos < 0) {
            return Optional.empty();
        }
        int size = (b[pos + 4] & 0xff) | (b[pos + 5] & 0xff) << 8 | (b[pos + 6] & 0xff) << 16 | (b[pos + 7] & 0xff) << 24;
        if (size <= 0 || pos + 8L + size > b.length) {
            return Optional.empty();
        }
        return Optional.of(java.util.Arrays.copyOfRange(b, pos + 8, pos + 8 + size));
    }

    /** sRGB profiles come in many byte-different copies; the description says which they are. */
    private static boolean isSrgb(ICC_Profile profile) {
        byte[] desc = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
        if (desc == null) {
            return false;
        }
        String text = new String(desc, StandardCharsets.ISO_8859_1).replace("\0", "");
        return text.contains("sRGB") || text.contains("IEC61966-2");
    }

    /** The pixels converted from the source space to sRGB; alpha is kept as it was. */
    static Pixels toSrgb(Pixels in, ICC_ColorSpace source) {
        try {
            int[] masks = {0x00ff0000, 0x0000ff00, 0x000000ff};
            int[] copy = in.argb.clone();
            WritableRaster src = Raster.createPackedRaster(new DataBufferInt(copy, copy.length), in.width, in.height,
                    in.width, masks, null);
            int[] out = new int[copy.length];
            WritableRaster dst = Raster.createPackedRaster(new DataBufferInt(out, out.length), in.width, in.height,
                    in.width, masks, null);
            new ColorConvertOp(source, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(src, dst);
            for (int i = 0; i < out.length; i++) {
                out[i] = (in.argb[i] & 0xff000000) | (out[i] & 0x00ffffff);
            }
            return new Pixels(in.width, in.height, out, in.alpha);
        } catch (RuntimeException e) {
            return in; // best effort: a profile LCMS rejects leaves the colours unconverted
        }
    }
}
