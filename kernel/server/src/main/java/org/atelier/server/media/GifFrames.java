package org.atelier.server.media;

import java.io.IOException;
import java.util.OptionalInt;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * Reads the per-frame facts of a GIF from the JDK reader's metadata tree
 * ({@code javax_imageio_gif_image_1.0}): position, size, disposal, delay, transparency, and the
 * NETSCAPE2.0 loop count. Reading metadata decodes no pixels.
 */
final class GifFrames {

    static final String FORMAT = "javax_imageio_gif_image_1.0";

    /** One frame's descriptor and graphic control extension. */
    record Descriptor(int left, int top, int width, int height, AnimatedGif.Disposal disposal, int delayCentis,
                      boolean transparent) {
    }

    private GifFrames() {
    }

    static Descriptor descriptor(ImageReader reader, int index) throws IOException {
        IIOMetadata md = reader.getImageMetadata(index);
        Node root = md.getAsTree(FORMAT);
        int left = 0;
        int top = 0;
        int width = 0;
        int height = 0;
        AnimatedGif.Disposal disposal = AnimatedGif.Disposal.NONE;
        int delay = 0;
        boolean transparent = false;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            IIOMetadataNode e = (IIOMetadataNode) n;
            switch (n.getNodeName()) {
                case "ImageDescriptor" -> {
                    left = intAttr(e, "imageLeftPosition");
                    top = intAttr(e, "imageTopPosition");
                    width = intAttr(e, "imageWidth");
                    height = intAttr(e, "imageHeight");
                }
                case "GraphicControlExtension" -> {
                    disposal = switch (e.getAttribute("disposalMethod")) {
                        case "doNotDispose" -> AnimatedGif.Disposal.DO_NOT_DISPOSE;
                        case "restoreToBackgroundColor" -> AnimatedGif.Disposal.RESTORE_TO_BACKGROUND;
                        case "restoreToPrevious" -> AnimatedGif.Disposal.RESTORE_TO_PREVIOUS;
                        default -> AnimatedGif.Disposal.NONE;
                    };
                    delay = intAttr(e, "delayTime");
                    transparent = "TRUE".equalsIgnoreCase(e.getAttribute("transparentColorFlag"));
                }
                default -> {
                }
            }
        }
        return new Descriptor(left, top, width, height, disposal, delay, transparent);
    }

    /** The NETSCAPE2.0 (or ANIMEXTS1.0) loop count: 0 = forever; empty = no extension, play once. */
    static OptionalInt loopCount(ImageReader reader) throws IOException {
        IIOMetadata md = reader.getImageMetadata(0);
        Node root = md.getAsTree(FORMAT);
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!n.getNodeName().equals("ApplicationExtensions")) {
                continue;
            }
            for (Node a = n.getFirstChild(); a != null; a = a.getNextSibling()) {
                IIOMetadataNode e = (IIOMetadataNode) a;
                String id = e.getAttribute("applicationID");
                String auth = e.getAttribute("authenticationCode");
                if (("NETSCAPE".equals(id) && "2.0".equals(auth)) || ("ANIMEXTS".equals(id) && "1.0".equals(auth))) {
                    if (e.getUserObject() instanceof byte[] data && data.length >= 3 && data[0] == 1) {
                        return OptionalInt.of((data[1] & 0xff) | (data[2] & 0xff) << 8);
                    }
                }
            }
        }
        return OptionalInt.empty();
    }

    private static int intAttr(IIOMetadataNode e, String name) {
        try {
            return Integer.parseInt(e.getAttribute(name));
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
