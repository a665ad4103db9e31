package org.deepbrew.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of named series that grows point by point and is redrawn in place, e.g. training
 * curves:
 *
 * <pre>{@code
 * LiveChart curves = LiveChart.create("Training", "epoch", "loss");
 * for (int epoch = 1; epoch <= 10; epoch++) {
 *     curves.add("train loss", epoch, trainLoss).add("val loss", epoch, valLoss);
 * }
 * curves.finish();
 * }</pre>
 *
 * <p>Redraws are throttled to at most one a second (one every {@value #CONSOLE_INTERVAL_MS} ms on
 * a console, where the text form lists the latest value of each series); {@link #finish()} always
 * draws the final state. Drawing happens on a background thread, so adding a point never waits
 * for a chart to be encoded; {@code finish()} draws in the caller. Thread-safe.
 */
public final class LiveChart implements AutoCloseable, Displayable {
    static final long NOTEBOOK_INTERVAL_MS = 1000;
    static final long CONSOLE_INTERVAL_MS = 5000;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, List<double[]>> series = new LinkedHashMap<>();
    private final DisplaySink sink;
    private final String displayId;
    private final Throttle throttle;
    private int width = 640;
    private int height = 360;
    private boolean logY;
    private boolean finished;
    private int redraws;

    private LiveChart(String title, String xLabel, String yLabel) {
        this.title = title == null ? "" : title;
        this.xLabel = xLabel == null ? "" : xLabel;
        this.yLabel = yLabel == null ? "" : yLabel;
        this.sink = Display.sink();
        this.displayId = Display.newDisplayId("chart");
        this.throttle = new Throttle(sink.showsRichOutput() ? NOTEBOOK_INTERVAL_MS : CONSOLE_INTERVAL_MS, true, this::redraw);
        sink.display(toMimeBundle(), displayId);
    }

    /** Shows an empty chart that {@link #add(String, double, double)} fills. */
    public static LiveChart create(String title, String xLabel, String yLabel) {
        return new LiveChart(title, xLabel, yLabel);
    }

    /** Sets the size in pixels; returns this chart. */
    public LiveChart size(int widthPixels, int heightPixels) {
        if (widthPixels < 50 || heightPixels < 50) {
            throw new IllegalArgumentException("A chart needs at least 50×50 pixels, got " + widthPixels + "×" + heightPixels);
        }
        synchronized (this) {
            width = widthPixels;
            height = heightPixels;
        }
        return this;
    }

    /** Uses a logarithmic y axis (losses often span decades); returns this chart. */
    public synchronized LiveChart logY(boolean logarithmic) {
        logY = logarithmic;
        return this;
    }

    /** Appends the point ({@code x}, {@code y}) to series {@code name}, creating it on first use. */
    public LiveChart add(String name, double x, double y) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A series needs a name, e.g. \"train loss\"");
        }
        synchronized (this) {
            if (finished) {
                return this;
            }
            series.computeIfAbsent(name, n -> new ArrayList<>()).add(new double[] {x, y});
        }
        throttle.request();
        return this;
    }

    /** Draws the final state; later points are ignored. */
    public void finish() {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        throttle.flush();
    }

    /** Same as {@link #finish()}. */
    @Override
    public void close() {
        finish();
    }

    /** The id of the output this chart updates. */
    public String displayId() {
        return displayId;
    }

    /** How many times the chart was redrawn after being first shown. */
    public synchronized int redraws() {
        return redraws;
    }

    /** The points of one series as {x, y} pairs (a copy). */
    public synchronized List<double[]> points(String name) {
        List<double[]> points = series.get(name);
        return points == null ? List.of() : new ArrayList<>(points);
    }

    /** The chart as it is now, as an XChart chart (to save or restyle). */
    public synchronized XYChart toXYChart() {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisLogarithmic(logY && allPositive());
        for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
            List<double[]> points = s.getValue();
            double[] xs = new double[points.size()];
            double[] ys = new double[points.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = points.get(i)[0];
                ys[i] = points.get(i)[1];
            }
            XYSeries line = chart.addSeries(s.getKey(), xs, ys);
            line.setMarker(points.size() > 30 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    @Override
    public MimeBundle toMimeBundle() {
        String text;
        XYChart chart;
        synchronized (this) {
            text = summary();
            if (series.isEmpty()) {
                return MimeBundle.of("text/html", "<div style=\"color:#888\">" + TextForms.escapeHtml(text) + "</div>")
                        .with("text/plain", text);
            }
            chart = toXYChart();
        }
        return ChartRenderer.png(chart).with("text/plain", text);
    }

    private String summary() {
        StringBuilder s = new StringBuilder(title.isEmpty() ? "LiveChart" : title);
        if (series.isEmpty()) {
            return s.append(": waiting for data").toString();
        }
        String sep = ": ";
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            double[] last = e.getValue().get(e.getValue().size() - 1);
            s.append(sep).append(e.getKey()).append(' ').append(TextForms.number(round4(last[1])))
                    .append(" @ ").append(xLabel.isEmpty() ? "" : xLabel + " ").append(TextForms.number(last[0]));
            sep = " · ";
        }
        return s.toString();
    }

    private boolean allPositive() {
        return series.values().stream().flatMap(List::stream).allMatch(p -> p[1] > 0);
    }

    private static double round4(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double scale = Math.pow(10, 3 - (int) Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }

    private void redraw() {
        MimeBundle bundle = toMimeBundle();
        synchronized (this) {
            redraws++;
        }
        sink.update(bundle, displayId);
    }
}
