package org.deepbrew.deploy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.deploy.serve.LoadTest;
import org.deepbrew.deploy.serve.ModelServer;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The deployment variants of a model side by side: each one served and load-tested the same way
 * ({@link #serve}), or, for a model that is not served, its size and accuracy alone ({@link #add});
 * then one {@link #table()} and one {@link #plot()} (accuracy against latency) of what each step cost and bought.
 *
 * <pre>{@code
 * Variants variants = Variants.builder().test(test).clients(2).requests(300).build();
 * variants.serve("fp32 DJL", fp32Model, fp32Bytes);
 * variants.serve("int8 ORT", int8Model, int8Bytes);
 * display(variants.table()); display(variants.plot());
 * }</pre>
 */
public final class Variants {
    /** One variant's figures; latency and throughput are NaN for a variant that was not served. */
    public record Row(String task, String variant, double sizeMb, double accuracy, double p50Ms, double p99Ms,
            double requestsPerSecond) {
        boolean served() {
            return !Double.isNaN(requestsPerSecond);
        }
    }

    private final LoadTest loadTest;
    private final String task;
    private final int maxBatchSize;
    private final Duration maxBatchDelay;
    private final List<Row> rows = new ArrayList<>();

    private Variants(Builder b) {
        this.loadTest = LoadTest.builder().test(b.test).clients(b.clients).requests(b.requests).warmup(b.warmup).build();
        this.task = b.task;
        this.maxBatchSize = b.maxBatchSize > 0 ? b.maxBatchSize : b.clients;
        this.maxBatchDelay = b.maxBatchDelay;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Serves {@code model} on a fresh server (a free port, the configured batching), load-tests it,
     * records its row and returns what the load test measured. The model stays open.
     */
    public LoadTest.Result serve(String variant, TextModel model, long sizeBytes) throws IOException {
        try (ModelServer server = ModelServer.builder().model(model).port(0).maxBatchSize(maxBatchSize)
                .maxBatchDelay(maxBatchDelay).build().start()) {
            return serve(variant, server, model, sizeBytes);
        }
    }

    /** Load-tests {@code model} on a server already running it and records its row. */
    public LoadTest.Result serve(String variant, ModelServer server, TextModel model, long sizeBytes) {
        LoadTest.Result r = loadTest.run(server, model);
        rows.add(new Row(task, variant, sizeBytes / 1e6, r.accuracy(), r.load().p50Ms(), r.load().p99Ms(),
                r.load().okPerSecond()));
        return r;
    }

    /** Records a variant that is not served (say an image model): size and accuracy on its own task. */
    public Variants add(String task, String variant, long sizeBytes, double accuracy) {
        rows.add(new Row(task, variant, sizeBytes / 1e6, accuracy, Double.NaN, Double.NaN, Double.NaN));
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The row of {@code variant}. */
    public Row row(String variant) {
        return rows.stream().filter(r -> r.variant().equals(variant)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant '" + variant + "'; recorded: "
                        + rows.stream().map(Row::variant).toList()));
    }

    /** One row per variant: task, variant, size MB, accuracy, p50 and p99 latency in ms, requests/s. */
    public Table table() {
        Table t = Table.create("variants", StringColumn.create("task"), StringColumn.create("variant"),
                DoubleColumn.create("size MB"), DoubleColumn.create("accuracy"), DoubleColumn.create("p50 ms"),
                DoubleColumn.create("p99 ms"), DoubleColumn.create("requests/s"));
        for (Row r : rows) {
            t.stringColumn("task").append(r.task());
            t.stringColumn("variant").append(r.variant());
            t.doubleColumn("size MB").append(round(r.sizeMb(), 2));
            t.doubleColumn("accuracy").append(round(r.accuracy(), 3));
            appendOrMissing(t.doubleColumn("p50 ms"), round(r.p50Ms(), 1));
            appendOrMissing(t.doubleColumn("p99 ms"), round(r.p99Ms(), 1));
            appendOrMissing(t.doubleColumn("requests/s"), round(r.requestsPerSecond(), 1));
        }
        return t;
    }

    /**
     * The served variants' trade-off in one chart: accuracy against median latency (log scale), one point
     * per variant, its legend naming the size on disk and the requests per second. Up and to the left is better.
     */
    public XYChart plot() {
        List<Row> served = rows.stream().filter(Row::served).toList();
        if (served.isEmpty()) {
            throw new IllegalStateException("no served variant to plot; serve one first");
        }
        XYChart chart = new XYChartBuilder().width(760).height(420).title("Accuracy against latency, per variant")
                .xAxisTitle("p50 latency (ms, log scale)").yAxisTitle("accuracy of the served answers").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(12);
        for (Row r : served) {
            chart.addSeries(String.format(Locale.ROOT, "%s: %.2f MB, %.0f req/s", r.variant(), r.sizeMb(),
                    r.requestsPerSecond()), new double[] {r.p50Ms()}, new double[] {r.accuracy()});
        }
        return chart;
    }

    private static void appendOrMissing(DoubleColumn c, double v) {
        if (Double.isNaN(v)) {
            c.appendMissing();
        } else {
            c.append(v);
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Double.isNaN(v) ? v : Math.round(v * f) / f;
    }

    /** Settings of {@link Variants}: the load every served variant gets. {@link #test} is required. */
    public static final class Builder {
        private List<LabeledText> test;
        private String task = "served";
        private int clients = 4;
        private long requests;
        private int warmup = 32;
        private int maxBatchSize;
        private Duration maxBatchDelay = Duration.ofMillis(5);

        private Builder() {}

        /** The labelled sentences each served variant is sent and scored on. */
        public Builder test(List<LabeledText> test) {
            this.test = test;
            return this;
        }

        /** The name the served variants' rows carry in the task column ("served"). */
        public Builder task(String task) {
            this.task = task;
            return this;
        }

        /** Concurrent clients (4). */
        public Builder clients(int clients) {
            this.clients = clients;
            return this;
        }

        /** Measured requests per variant (at least, and by default, one pass over the test sentences). */
        public Builder requests(long requests) {
            this.requests = requests;
            return this;
        }

        /** Unmeasured requests first (32). */
        public Builder warmup(int warmup) {
            this.warmup = warmup;
            return this;
        }

        /** Largest batch the server forms (the client count). */
        public Builder maxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /** How long the server waits to fill a batch (5 ms). */
        public Builder maxBatchDelay(Duration maxBatchDelay) {
            this.maxBatchDelay = maxBatchDelay;
            return this;
        }

        public Variants build() {
            if (test == null) {
                throw new IllegalStateException("call test(sentences) first");
            }
            return new Variants(this);
        }
    }
}
