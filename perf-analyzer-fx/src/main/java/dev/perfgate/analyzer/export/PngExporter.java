package dev.perfgate.analyzer.export;

import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a node (a chart) as a PNG: {@link Node#snapshot} on the JavaFX thread, the pixels copied
 * into a {@link BufferedImage}, written by {@link ImageIO}. No javafx-swing needed.
 */
public final class PngExporter {

    private PngExporter() {
    }

    /** Snapshots {@code node} (on the JavaFX thread) and writes it to {@code file}. */
    public static void write(Node node, Path file) throws IOException {
        write(node.snapshot(new SnapshotParameters(), null), file);
    }

    /** Writes an image as PNG. */
    public static void write(Image image, Path file) throws IOException {
        if (!ImageIO.write(toBufferedImage(image), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** The image's pixels as an ARGB {@link BufferedImage}. */
    public static BufferedImage toBufferedImage(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        int[] argb = new int[width * height];
        reader.getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, argb, 0, width);
        return out;
    }

    /** An empty image of the size, for tests. */
    static WritableImage blank(int width, int height) {
        return new WritableImage(width, height);
    }
}
