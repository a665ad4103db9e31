package org.deepbrew.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One-line plots for notebooks. Each returns an XChart chart, which a notebook shows as the
 * cell's value and which can be restyled or extended with XChart's own API
 * ({@code chart.addSeries(...)}).
 *
 * <pre>{@code
 * Plots.line("Loss", epochs, losses);
 * Plots.histogram("Pixel values", pixels, 30);
 * Plots.confusionMatrix(counts, classNames);
 * }</pre>
 */
public final class Plots {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;

    private Plots() {}

    /** A line of {@code y} against its index 0, 1, 2, ... */
    public static XYChart line(String title, double[] y) {
        double[] x = new double[y.length];
        Arrays.setAll(x, i -> i);
        return line(title, x, y);
    }

    /** A line of {@code y} against {@code x}. */
    public static XYChart line(String title, double[] x, double[] y) {
        checkSameLength(x, y);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("x").yAxisTitle("y").build();
        chart.getStyler().setLegendVisible(false);
        XYSeries s = chart.addSeries(title == null || title.isBlank() ? "y" : title, x, y);
        s.setMarker(x.length > 30 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        return chart;
    }

    /** Points ({@code x[i]}, {@code y[i]}) without lines. */
    public static XYChart scatter(String title, double[] x, double[] y) {
        checkSameLength(x, y);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("x").yAxisTitle("y").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(5);
        chart.addSeries(title == null || title.isBlank() ? "points" : title, x, y);
        return chart;
    }

    /** How {@code values} spread over {@code bins} equal-width bins between their min and max. */
    public static CategoryChart histogram(String title, double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("A histogram needs at least 1 bin, got " + bins);
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("A histogram needs at least one value");
        }
        double min = Arrays.stream(values).min().orElse(0);
        double max = Arrays.stream(values).max().orElse(0);
        double width = max > min ? (max - min) / bins : 1;
        double[] counts = new double[bins];
        for (double v : values) {
            int bin = (int) Math.floor((v - min) / width);
            counts[Math.min(bins - 1, Math.max(0, bin))]++;
        }
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(TextForms.number(round3(min + (b + 0.5) * width)));
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("value").yAxisTitle("count").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.98);
        chart.getStyler().setXAxisLabelRotation(bins > 12 ? 90 : 0);
        chart.addSeries("count", labels, Arrays.stream(counts).boxed().toList());
        return chart;
    }

    /** One bar per category. */
    public static CategoryChart bar(String title, List<String> categories, double[] values) {
        if (categories.size() != values.length) {
            throw new IllegalArgumentException("Got " + categories.size() + " categories but " + values.length + " values");
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 8 ? 45 : 0);
        chart.addSeries(title == null || title.isBlank() ? "value" : title, categories,
                Arrays.stream(values).boxed().toList());
        return chart;
    }

    /**
     * A heat map of {@code values[row][column]}, the first row at the top, each cell labelled with
     * its value.
     */
    public static HeatMapChart heatmap(String title, double[][] values, List<String> rowLabels, List<String> columnLabels) {
        int rows = values.length;
        int columns = rows == 0 ? 0 : values[0].length;
        if (rows == 0 || columns == 0) {
            throw new IllegalArgumentException("A heat map needs at least one row and one column");
        }
        for (double[] row : values) {
            if (row.length != columns) {
                throw new IllegalArgumentException("Every row of a heat map needs " + columns + " values, one has " + row.length);
            }
        }
        if (rowLabels.size() != rows || columnLabels.size() != columns) {
            throw new IllegalArgumentException("Got " + rows + "×" + columns + " values but " + rowLabels.size()
                    + " row labels and " + columnLabels.size() + " column labels");
        }
        int side = Math.max(360, Math.min(900, 60 * Math.max(rows, columns) + 160));
        HeatMapChart chart = new HeatMapChartBuilder().width(side + 80).height(side).title(title).build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotContentSize(1);
        chart.getStyler().setXAxisLabelRotation(columns > 6 ? 45 : 0);
        boolean integers = Arrays.stream(values).flatMapToDouble(Arrays::stream).allMatch(v -> v == Math.rint(v));
        chart.getStyler().setHeatMapValueDecimalPattern(integers ? "#" : "#.##");
        // XChart draws the first y category at the bottom; reverse so row 0 is on top, as in a matrix.
        List<String> yLabels = new ArrayList<>(rowLabels);
        java.util.Collections.reverse(yLabels);
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                cells.add(new Number[] {c, rows - 1 - r, values[r][c]});
            }
        }
        chart.addSeries(title == null || title.isBlank() ? "values" : title, new ArrayList<>(columnLabels), yLabels, cells);
        return chart;
    }

    /**
     * A confusion matrix: rows are the true classes, columns the predicted ones, so the diagonal
     * holds the correct predictions.
     */
    public static HeatMapChart confusionMatrix(int[][] counts, List<String> classNames) {
        double[][] values = new double[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            values[r] = Arrays.stream(counts[r]).asDoubleStream().toArray();
        }
        HeatMapChart chart = heatmap("Confusion matrix (rows: true, columns: predicted)", values, classNames, classNames);
        chart.setXAxisTitle("predicted");
        chart.setYAxisTitle("true");
        return chart;
    }

    private static void checkSameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
