import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import org.atelier.server.media.MediaPipeline;
import org.atelier.server.media.ProcessedImage;
import org.atelier.server.media.ProcessingRequest;
import org.atelier.server.media.Rendition;

/**
 * Rendition benchmark driver (run by bench/renditions.sh, single-file source mode, with the
 * server's classes on the class path).
 *
 * <pre>
 *   generate DIR                 write the test images (photo-like JPEGs, PNG artworks)
 *   time WARMUP RUNS FILE...     warm JVM: per file, median and best wall time of process()
 *   once FILE                    process once; exit 3 on OutOfMemoryError (for -Xmx bisection)
 * </pre>
 *
 * The request is what an upload gets minus the cover: display widths 320/640/1280/2048 and the
 * 640 px square thumbnail — the same outputs renditions.sh asks vipsthumbnail for.
 */
public class RenditionBench {

    static final ProcessingRequest REQUEST = ProcessingRequest.defaults()
            .withOutputs(EnumSet.of(ProcessingRequest.Output.DISPLAY, ProcessingRequest.Output.THUMBNAIL));

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]));
            case "time" -> time(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Arrays.copyOfRange(args, 3, args.length));
            case "once" -> {
                try {
                    ProcessedImage out = new MediaPipeline().process(Files.readAllBytes(Path.of(args[1])), REQUEST);
                    System.out.println(out.renditions().size());
                } catch (OutOfMemoryError e) {
                    System.exit(3);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void time(int warmup, int runs, String[] files) throws Exception {
        MediaPipeline pipeline = new MediaPipeline();
        List<byte[]> data = new ArrayList<>();
        for (String f : files) {
            data.add(Files.readAllBytes(Path.of(f)));
        }
        for (int w = 0; w < warmup; w++) {
            for (byte[] d : data) {
                pipeline.process(d, REQUEST);
            }
        }
        for (int i = 0; i < files.length; i++) {
            long[] t = new long[runs];
            ProcessedImage out = null;
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                out = pipeline.process(data.get(i), REQUEST);
                t[r] = System.nanoTime() - start;
            }
            Arrays.sort(t);
            StringBuilder sizes = new StringBuilder();
            for (Rendition r : out.renditions().values()) {
                sizes.append(sizes.isEmpty() ? "" : ",").append(r.width()).append('x').append(r.height());
            }
            System.out.printf(Locale.ROOT, "%s %d %d %.1f %.1f %s%n", files[i], out.width(), out.height(),
                    t[runs / 2] / 1e6, t[0] / 1e6, sizes);
        }
    }

    // ---- test images ---------------------------------------------------------------------------

    static void generate(Path dir) throws Exception {
        Files.createDirectories(dir);
        jpeg(photo(4160, 3120, 1), dir.resolve("photo-13mp.jpg").toFile());
        jpeg(photo(3024, 4032, 2), dir.resolve("photo-12mp-portrait.jpg").toFile());
        jpeg(photo(6000, 4000, 3), dir.resolve("photo-24mp.jpg").toFile());
        ImageIO.write(art(3264, 2448, 4, false), "png", dir.resolve("art-8mp.png").toFile());
        ImageIO.write(art(2000, 2000, 5, true), "png", dir.resolve("art-4mp-alpha.png").toFile());
    }

    /** Photo-like: smooth gradients, soft blobs, multi-octave value noise and fine sensor grain. */
    static BufferedImage photo(int w, int h, long seed) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = new int[w * h];
        float[][] octaves = new float[4][];
        int[] cells = {6, 24, 96, 384};
        for (int o = 0; o < 4; o++) {
            octaves[o] = new float[(cells[o] + 1) * (cells[o] + 1) * 3];
            for (int i = 0; i < octaves[o].length; i++) {
                octaves[o][i] = rnd.nextFloat();
            }
        }
        float[] amp = {0.55f, 0.25f, 0.12f, 0.08f};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float[] c = new float[3];
                for (int o = 0; o < 4; o++) {
                    int n = cells[o];
                    float fx = (float) x / w * n;
                    float fy = (float) y / h * n;
                    int ix = (int) fx;
                    int iy = (int) fy;
                    float tx = fx - ix;
                    float ty = fy - iy;
                    tx = tx * tx * (3 - 2 * tx);
                    ty = ty * ty * (3 - 2 * ty);
                    for (int ch = 0; ch < 3; ch++) {
                        float a = octaves[o][((iy * (n + 1)) + ix) * 3 + ch];
                        float b = octaves[o][((iy * (n + 1)) + ix + 1) * 3 + ch];
                        float cc = octaves[o][(((iy + 1) * (n + 1)) + ix) * 3 + ch];
                        float d = octaves[o][(((iy + 1) * (n + 1)) + ix + 1) * 3 + ch];
                        c[ch] += amp[o] * ((a + (b - a) * tx) * (1 - ty) + (cc + (d - cc) * tx) * ty);
                    }
                }
                int grain = (int) (rnd.nextGaussian() * 6);
                int r = clamp((int) (c[0] * 255) + grain);
                int g = clamp((int) (c[1] * 255) + grain);
                int b = clamp((int) (c[2] * 255) + grain);
                px[y * w + x] = r << 16 | g << 8 | b;
            }
        }
        img.setRGB(0, 0, w, h, px, 0, w);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < 40; i++) { // hard edges: branches, horizons, text-like detail
            g.setColor(new Color(rnd.nextInt(0x1000000)));
            g.setStroke(new BasicStroke(1 + rnd.nextInt(12)));
            g.drawLine(rnd.nextInt(w), rnd.nextInt(h), rnd.nextInt(w), rnd.nextInt(h));
        }
        g.dispose();
        return img;
    }

    /** Artwork-like: flat colour areas, anti-aliased outlines, optionally a transparent background. */
    static BufferedImage art(int w, int h, long seed, boolean alpha) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (!alpha) {
            g.setColor(new Color(0xf4efe6));
            g.fillRect(0, 0, w, h);
        }
        for (int i = 0; i < 300; i++) {
            g.setColor(new Color(rnd.nextInt(0x1000000)));
            int s = 20 + rnd.nextInt(w / 5);
            int x = rnd.nextInt(w);
            int y = rnd.nextInt(h);
            if (i % 3 == 0) {
                g.fillOval(x, y, s, s * 2 / 3);
            } else if (i % 3 == 1) {
                g.fillRoundRect(x, y, s, s / 2, 30, 30);
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2 + rnd.nextInt(6), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawOval(x, y, s, s * 2 / 3);
        }
        g.dispose();
        return img;
    }

    static void jpeg(BufferedImage img, File file) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.92f);
        file.delete();
        try (FileImageOutputStream out = new FileImageOutputStream(file)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), p);
        }
        writer.dispose();
    }

    static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
