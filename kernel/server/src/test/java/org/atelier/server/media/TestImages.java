package org.atelier.server.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Builds real image files for the tests: ImageIO encodes the pixels, and the metadata a camera or
 * a generator would add (EXIF with orientation and GPS, XMP, C2PA boxes, PNG text chunks) is
 * assembled here byte by byte, so nothing depends on external tools.
 */
final class TestImages {

    private TestImages() {
    }

    // ---- pixels ----------------------------------------------------------------------------

    /** An opaque image filled with one colour. */
    static BufferedImage solid(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** Quadrants: top-left, top-right, bottom-left, bottom-right colours. */
    static BufferedImage quadrants(int w, int h, int tl, int tr, int bl, int br) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, x < w / 2 ? (y < h / 2 ? tl : bl) : (y < h / 2 ? tr : br));
            }
        }
        return img;
    }

    // ---- encoders ----------------------------------------------------------------------------

    static byte[] jpeg(BufferedImage img) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.98f);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var ios = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, null), p);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    static byte[] png(BufferedImage img) {
        return encode(img, "png");
    }

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new java.io.ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- JPEG segments -----------------------------------------------------------------------

    /** Inserts a marker segment right after SOI. */
    static byte[] insertSegment(byte[] jpeg, int marker, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xff);
        out.write(marker);
        int len = payload.length + 2;
        out.write(len >> 8);
        out.write(len & 0xff);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /**
     * An APP1 EXIF payload (little-endian TIFF): IFD0 with Orientation, Software and a GPS IFD
     * pointer; the GPS IFD with version, latitude and longitude.
     */
    static byte[] exif(int orientation, String software, boolean gps) {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        b.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        int tiff = b.position();
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        byte[] sw = (software + "\0").getBytes(StandardCharsets.US_ASCII);
        if (sw.length <= 4) {
            throw new IllegalArgumentException("values of 4 bytes or less go inline in TIFF; use a longer name");
        }
        int entries = gps ? 3 : 2;
        int ifd0End = 8 + 2 + entries * 12 + 4;
        int swOffset = ifd0End;
        int gpsIfd = swOffset + sw.length + (sw.length & 1);
        b.putShort((short) entries);
        entry(b, 0x0112, 3, 1, orientation); // Orientation, SHORT
        entry(b, 0x0131, 2, sw.length, swOffset); // Software, ASCII
        if (gps) {
            entry(b, 0x8825, 4, 1, gpsIfd); // GPS IFD pointer, LONG
        }
        b.putInt(0);
        b.put(sw);
        if ((sw.length & 1) == 1) {
            b.put((byte) 0);
        }
        if (gps) {
            int gpsEntries = 5;
            int rationals = gpsIfd + 2 + gpsEntries * 12 + 4;
            b.putShort((short) gpsEntries);
            b.putShort((short) 0x0000).putShort((short) 1).putInt(4).put(new byte[] {2, 2, 0, 0}); // GPSVersionID
            b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0}); // LatitudeRef
            entry(b, 0x0002, 5, 3, rationals); // GPSLatitude, 3 RATIONAL
            b.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0}); // LongitudeRef
            entry(b, 0x0004, 5, 3, rationals + 24); // GPSLongitude
            b.putInt(0);
            for (int v : new int[] {48, 51, 24, 2, 21, 7}) { // 48°51'24" N, 2°21'7" E
                b.putInt(v).putInt(1);
            }
        }
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        assert tiff == 6;
        return out;
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    /** A JPEG with an EXIF block (orientation, Software, optional GPS). */
    static byte[] jpegWithExif(BufferedImage img, int orientation, boolean gps) {
        return insertSegment(jpeg(img), 0xe1, exif(orientation, "TestCam Firmware 1.0", gps));
    }

    /** An APP1 XMP payload declaring an IPTC DigitalSourceType. */
    static byte[] xmp(String digitalSourceType) {
        String packet = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\""
                + " Iptc4xmpExt:DigitalSourceType=\"" + digitalSourceType + "\"/>"
                + "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(packet.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A JUMBF superbox labelled "c2pa" (the C2PA manifest store's outer box), without content. */
    static byte[] c2paJumbf() {
        ByteBuffer jumd = ByteBuffer.allocate(8 + 16 + 1 + 5);
        jumd.putInt(8 + 16 + 1 + 5).put("jumd".getBytes(StandardCharsets.US_ASCII));
        // C2PA manifest store UUID: 63327061-0011-0010-8000-00AA00389B71 ("c2pa" + ISO suffix)
        jumd.put(new byte[] {0x63, 0x32, 0x70, 0x61, 0x00, 0x11, 0x00, 0x10, (byte) 0x80, 0x00, 0x00, (byte) 0xaa, 0x00,
                0x38, (byte) 0x9b, 0x71});
        jumd.put((byte) 3); // toggles: requestable + label present
        jumd.put("c2pa\0".getBytes(StandardCharsets.US_ASCII));
        byte[] d = jumd.array();
        ByteBuffer jumb = ByteBuffer.allocate(8 + d.length);
        jumb.putInt(8 + d.length).put("jumb".getBytes(StandardCharsets.US_ASCII)).put(d);
        return jumb.array();
    }

    /** APP11 payload: JPEG XT header ("JP", box instance, packet sequence) + the JUMBF box. */
    static byte[] app11C2pa() {
        byte[] box = c2paJumbf();
        ByteBuffer b = ByteBuffer.allocate(8 + box.length);
        b.put((byte) 'J').put((byte) 'P').putShort((short) 1).putInt(1).put(box);
        return b.array();
    }

    /** An APP2 ICC_PROFILE segment payload holding a whole profile. */
    static byte[] app2Icc(byte[] profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.write(1);
        out.writeBytes(profile);
        return out.toByteArray();
    }

    // ---- PNG chunks --------------------------------------------------------------------------

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        b.put(t).put(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** Inserts chunks right after IHDR (which is always 8 + 25 bytes in). */
    static byte[] insertChunks(byte[] png, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        for (byte[] c : chunks) {
            out.writeBytes(c);
        }
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    static byte[] tEXt(String key, String value) {
        return chunk("tEXt", (key + "\0" + value).getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] zTXt(String key, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((key + "\0").getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.writeBytes(deflate(value));
        return chunk("zTXt", out.toByteArray());
    }

    static byte[] iTXt(String key, String value, boolean compressed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((key + "\0").getBytes(StandardCharsets.ISO_8859_1));
        out.write(compressed ? 1 : 0);
        out.write(0);
        out.write(0); // empty language tag
        out.write(0); // empty translated keyword
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(compressed ? deflate(text) : text);
        return chunk("iTXt", out.toByteArray());
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(9);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** A PNG whose header claims w × h (8-bit RGB) with a token, wrong-sized body: a bomb's shape. */
    static byte[] pngHeaderClaiming(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        out.writeBytes(chunk("IHDR", ihdr.array()));
        out.writeBytes(chunk("IDAT", deflate(new byte[1024 * 1024])));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    /**
     * A PNG whose container is whole (every chunk fits, CRCs right, IEND present) but whose pixel
     * data is not a valid zlib stream, so that only decoding finds the damage.
     */
    static byte[] pngWithDamagedPixels(BufferedImage img) {
        byte[] png = png(img);
        int pos = 8;
        while (!new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1).equals("IDAT")) {
            pos += 12 + ByteBuffer.wrap(png, pos, 4).getInt();
        }
        int length = ByteBuffer.wrap(png, pos, 4).getInt();
        byte[] data = java.util.Arrays.copyOfRange(png, pos + 8, pos + 8 + length);
        // after the 2-byte zlib header: 0xff starts a block of type 3, which deflate reserves as invalid
        java.util.Arrays.fill(data, 2, data.length, (byte) 0xff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, pos);
        out.writeBytes(chunk("IDAT", data));
        out.write(png, pos + 12 + length, png.length - pos - 12 - length);
        return out.toByteArray();
    }

    // ---- GIF -----------------------------------------------------------------------------------

    /** A frame to write: its image, where it goes, how long it shows, how it is disposed. */
    record GifFrame(BufferedImage image, int left, int top, int delayCentis, String disposal) {
    }

    /** An animated GIF written by ImageIO with per-frame position, delay, disposal, and a loop count. */
    static byte[] gif(int canvasW, int canvasH, List<GifFrame> frames, OptionalInt loop) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var ios = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata stream = writer.getDefaultStreamMetadata(param);
                IIOMetadataNode sroot = new IIOMetadataNode("javax_imageio_gif_stream_1.0");
                IIOMetadataNode lsd = new IIOMetadataNode("LogicalScreenDescriptor");
                lsd.setAttribute("logicalScreenWidth", Integer.toString(canvasW));
                lsd.setAttribute("logicalScreenHeight", Integer.toString(canvasH));
                lsd.setAttribute("colorResolution", "8");
                lsd.setAttribute("pixelAspectRatio", "0");
                sroot.appendChild(lsd);
                stream.mergeTree("javax_imageio_gif_stream_1.0", sroot);
                writer.prepareWriteSequence(stream);
                for (int i = 0; i < frames.size(); i++) {
                    GifFrame f = frames.get(i);
                    IIOMetadata md = writer.getDefaultImageMetadata(
                            ImageTypeSpecifier.createFromRenderedImage(f.image()), param);
                    IIOMetadataNode root = new IIOMetadataNode("javax_imageio_gif_image_1.0");
                    IIOMetadataNode desc = new IIOMetadataNode("ImageDescriptor");
                    desc.setAttribute("imageLeftPosition", Integer.toString(f.left()));
                    desc.setAttribute("imageTopPosition", Integer.toString(f.top()));
                    desc.setAttribute("imageWidth", Integer.toString(f.image().getWidth()));
                    desc.setAttribute("imageHeight", Integer.toString(f.image().getHeight()));
                    desc.setAttribute("interlaceFlag", "FALSE");
                    root.appendChild(desc);
                    IIOMetadataNode gce = new IIOMetadataNode("GraphicControlExtension");
                    gce.setAttribute("disposalMethod", f.disposal());
                    gce.setAttribute("userInputFlag", "FALSE");
                    gce.setAttribute("transparentColorFlag", "FALSE");
                    gce.setAttribute("delayTime", Integer.toString(f.delayCentis()));
                    gce.setAttribute("transparentColorIndex", "0");
                    root.appendChild(gce);
                    if (i == 0 && loop.isPresent()) {
                        IIOMetadataNode exts = new IIOMetadataNode("ApplicationExtensions");
                        IIOMetadataNode ext = new IIOMetadataNode("ApplicationExtension");
                        ext.setAttribute("applicationID", "NETSCAPE");
                        ext.setAttribute("authenticationCode", "2.0");
                        int n = loop.getAsInt();
                        ext.setUserObject(new byte[] {1, (byte) (n & 0xff), (byte) (n >> 8)});
                        exts.appendChild(ext);
                        root.appendChild(exts);
                    }
                    md.mergeTree("javax_imageio_gif_image_1.0", root);
                    writer.writeToSequence(new IIOImage(f.image(), null, md), param);
                }
                writer.endWriteSequence();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * A GIF of {@code frames} 1 × 1 frames, written by hand (each frame is 15 bytes), to claim
     * a huge frame count in a small file.
     */
    static byte[] gifOfTinyFrames(int frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {1, 0, 1, 0, (byte) 0x80, 0, 0}); // 1×1, global colour table of 2
        out.writeBytes(new byte[] {0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        byte[] frame = {0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0};
        for (int i = 0; i < frames; i++) {
            out.writeBytes(frame);
        }
        out.write(0x3b);
        return out.toByteArray();
    }

    /** Colour channels within a tolerance. */
    static boolean near(int argb, int rgb, int tolerance) {
        return Math.abs(((argb >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= tolerance
                && Math.abs(((argb >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= tolerance
                && Math.abs((argb & 0xff) - (rgb & 0xff)) <= tolerance;
    }
}
