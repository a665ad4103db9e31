package org.deepbrew.display;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Shows an XChart chart (XYChart, CategoryChart, PieChart, HeatMapChart, ...) as
 * {@code image/png}, plus {@code image/svg+xml} (sharp at any zoom) when XChart's vector encoder
 * library, VectorGraphics2D, is on the class path and the SVG stays under
 * {@value #MAX_SVG_CHARS} characters (a chart of thousands of points makes a large SVG that slows
 * the page and bloats saved notebooks; PNG alone is better then). The text form is the title.
 */
public final class ChartRenderer implements Renderer<Chart<?, ?>> {
    /** Larger SVGs are left out. */
    public static final int MAX_SVG_CHARS = 300_000;
    private static final boolean SVG_AVAILABLE = classPresent("de.erichseifert.vectorgraphics2d.VectorGraphics2D");

    @Override
    public MimeBundle render(Chart<?, ?> chart) {
        MimeBundle bundle = png(chart);
        if (SVG_AVAILABLE) {
            String svg = svg(chart);
            if (svg.length() <= MAX_SVG_CHARS) {
                bundle.with("image/svg+xml", svg);
            }
        }
        return bundle;
    }

    /** The chart as {@code image/png} only (cheaper, for charts redrawn often). */
    public static MimeBundle png(Chart<?, ?> chart) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            return Images.pngBundle(png, chart.getWidth(), chart.getHeight(), describe(chart));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the chart as PNG", e);
        }
    }

    /** The chart as SVG markup. */
    public static String svg(Chart<?, ?> chart) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the chart as SVG", e);
        }
    }

    static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle();
        return chart.getClass().getSimpleName() + (title == null || title.isBlank() ? "" : ": " + title)
                + " (" + chart.getWidth() + "×" + chart.getHeight() + ")";
    }

    private static boolean classPresent(String name) {
        try {
            Class.forName(name, false, ChartRenderer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
