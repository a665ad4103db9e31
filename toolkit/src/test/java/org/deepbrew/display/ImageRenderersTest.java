package org.deepbrew.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.cv.BufferedImageFactory;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class ImageRenderersTest {
    static BufferedImage decode(MimeBundle bundle) throws IOException {
        byte[] png = Base64.getDecoder().decode((String) bundle.get("image/png"));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "image/png must decode");
        return image;
    }

    @Test
    void xchartPngDecodesToTheChartsSizeAndSvgIsIncluded() throws IOException {
        XYChart chart = new XYChartBuilder().width(320).height(200).title("Loss").build();
        chart.addSeries("train", new double[] {1, 2, 3}, new double[] {3, 2, 1});
        MimeBundle bundle = Display.render(chart);
        BufferedImage image = decode(bundle);
        assertEquals(320, image.getWidth());
        assertEquals(200, image.getHeight());
        assertEquals(Map.of("width", 320, "height", 200), bundle.metadata().get("image/png"));
        assertEquals("XYChart: Loss (320×200)", bundle.plainText());
        String svg = (String) bundle.get("image/svg+xml");
        assertNotNull(svg, "VectorGraphics2D comes with XChart, so SVG is expected");
        assertTrue(svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
    }

    @Test
    void bufferedImageRoundTripsThroughPng() throws IOException {
        BufferedImage original = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        original.setRGB(3, 2, Color.RED.getRGB());
        original.setRGB(6, 4, 0x123456);
        MimeBundle bundle = Display.render(original);
        BufferedImage back = decode(bundle);
        assertEquals(7, back.getWidth());
        assertEquals(5, back.getHeight());
        assertEquals(Color.RED.getRGB(), back.getRGB(3, 2));
        assertEquals(0xFF123456, back.getRGB(6, 4));
        assertEquals(0xFF000000, back.getRGB(0, 0));
        assertEquals(Map.of("width", 7, "height", 5), bundle.metadata().get("image/png"));
    }

    @Test
    void djlImageUsesItsWrappedImage() throws IOException {
        BufferedImage original = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        original.setRGB(1, 1, 0x00FF00);
        Image image = BufferedImageFactory.getInstance().fromImage(original);
        BufferedImage back = decode(Display.render(image));
        assertEquals(4, back.getWidth());
        assertEquals(0xFF00FF00, back.getRGB(1, 1));
    }

    @Test
    void imageGridShowsEveryImageWithEscapedCaptions() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray digit = manager.zeros(new Shape(1, 28, 28));
            BufferedImage small = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
            ImageGrid grid = ImageGrid.of(List.of(digit, small), List.of("true 7 <pred 1>", "b"), 2).scale(3);
            MimeBundle bundle = Display.render(grid);
            String html = (String) bundle.get("text/html");
            assertEquals(2, html.split("data:image/png;base64,", -1).length - 1);
            assertTrue(html.contains("width=\"84\""), "28 px scaled 3×");
            assertTrue(html.contains("true 7 &lt;pred 1&gt;"), html);
            assertTrue(bundle.plainText().startsWith("ImageGrid: 2 images in 2 columns"));
            assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(List.of(small), List.of(), 2));
        }
    }

    @Test
    void ndarrayImagesKeepTheirPixels() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray gray = manager.create(new float[] {0f, 1f, 0.5f, 0.25f}, new Shape(2, 2));
            BufferedImage image = Images.toBufferedImage(gray);
            assertEquals(0, image.getRaster().getSample(0, 0, 0));
            assertEquals(255, image.getRaster().getSample(1, 0, 0));
            assertEquals(128, image.getRaster().getSample(0, 1, 0));
            // (H, W, C): red then blue on one row of two pixels.
            NDArray hwc = manager.create(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, new Shape(2, 2, 3));
            BufferedImage colour = Images.toBufferedImage(hwc);
            assertEquals(0xFFFF0000, colour.getRGB(0, 0));
            assertEquals(0xFF0000FF, colour.getRGB(1, 0));
            assertEquals(0xFF000000, colour.getRGB(0, 1));
            // (C, H, W) uint8: the same picture channel by channel.
            NDArray chw = hwc.transpose(2, 0, 1).mul(255).toType(ai.djl.ndarray.types.DataType.UINT8, false);
            BufferedImage again = Images.toBufferedImage(chw);
            assertEquals(0xFFFF0000, again.getRGB(0, 0));
            assertEquals(0xFF0000FF, again.getRGB(1, 0));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Images.toBufferedImage(manager.zeros(new Shape(5))));
            assertTrue(e.getMessage().contains("(H, W)"));
        }
    }

    @Test
    void chartsWithThousandsOfPointsKeepOnlyThePng() {
        double[] x = new double[5000];
        double[] y = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 30.0);
        }
        MimeBundle bundle = Display.render(Plots.line("many points", x, y));
        assertTrue(bundle.has("image/png"));
        assertTrue(!bundle.has("image/svg+xml"), "a huge SVG is left out");
    }
}
