package org.atelier.server.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Encodes renditions. Every rendition is written from pixels with fresh, minimal metadata, so
 * nothing of the original file (EXIF, GPS, XMP, ICC, text chunks) can survive into it.
 */
final class Encoders {

    /** JPEG quality: high, because artists notice and complain about crushed work. */
    static final float JPEG_QUALITY = 0.9f;

    private Encoders() {
    }

    /**
     * Baseline JPEG at {@link #JPEG_QUALITY} with 4:4:4 chroma (no colour subsampling: thin
     * coloured lines in drawings smear at 4:2:0), no JFIF thumbnail, no other markers.
     */
    static byte[] jpeg(Pixels p) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            var image = p.alpha ? flatten(p).toImage() : p.toImage();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            try {
                String format = "javax_imageio_jpeg_image_1.0";
                Node tree = metadata.getAsTree(format);
                for (Node n = tree.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n.getNodeName().equals("markerSequence")) {
                        for (Node m = n.getFirstChild(); m != null; m = m.getNextSibling()) {
                            if (m.getNodeName().equals("sof")) {
                                for (Node c = m.getFirstChild(); c != null; c = c.getNextSibling()) {
                                    ((Element) c).setAttribute("HsamplingFactor", "1");
                                    ((Element) c).setAttribute("VsamplingFactor", "1");
                                }
                            }
                        }
                    }
                }
                metadata.setFromTree(format, tree);
            } catch (RuntimeException | javax.imageio.metadata.IIOInvalidTreeException e) {
                // keep the writer's default 4:2:0 rather than fail a rendition
                metadata = null;
            }
            return write(writer, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /** PNG, lossless, with alpha when the pixels have any. */
    static byte[] png(Pixels p) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            return write(writer, new IIOImage(p.toImage(), null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** JPEG has no alpha: put transparent parts on white, the colour a page shows behind them. */
    static Pixels flatten(Pixels p) {
        int[] out = new int[p.argb.length];
        for (int i = 0; i < out.length; i++) {
            int c = p.argb[i];
            int a = c >>> 24;
            int r = ((c >> 16) & 0xff) * a / 255 + 255 - a;
            int g = ((c >> 8) & 0xff) * a / 255 + 255 - a;
            int b = (c & 0xff) * a / 255 + 255 - a;
            out[i] = 0xff000000 | r << 16 | g << 8 | b;
        }
        return new Pixels(p.width, p.height, out, false);
    }
}
