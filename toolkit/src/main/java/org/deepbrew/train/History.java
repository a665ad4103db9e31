package org.deepbrew.train;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The record of a training run: every batch and every epoch, whether it stopped early and which
 * epoch was best. {@link #plot()} draws the loss and accuracy curves.
 */
public final class History {
    private final List<BatchRecord> batches = new ArrayList<>();
    private final List<EpochRecord> epochs = new ArrayList<>();
    private boolean stoppedEarly;
    private int bestEpoch = -1;
    private double totalSeconds;
    private boolean compiledGraph;

    void add(BatchRecord b) {
        batches.add(b);
    }

    void add(EpochRecord e) {
        epochs.add(e);
    }

    void markStoppedEarly() {
        stoppedEarly = true;
    }

    void bestEpoch(int epoch) {
        bestEpoch = epoch;
    }

    void totalSeconds(double s) {
        totalSeconds = s;
    }

    void compiledGraph(boolean compiled) {
        compiledGraph = compiled;
    }

    /** Every training batch in order. */
    public List<BatchRecord> batches() {
        return Collections.unmodifiableList(batches);
    }

    /** Every finished epoch in order. */
    public List<EpochRecord> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    /** The last finished epoch. */
    public EpochRecord last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch has finished");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** True when early stopping ended the run before its last epoch. */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /** The epoch with the best monitored value (1-based), or -1 when nothing was monitored. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** True when the training steps ran the model as one compiled graph (see {@link Fit#compiled}). */
    public boolean compiledGraph() {
        return compiledGraph;
    }

    /** Wall time of the whole run. */
    public double totalSeconds() {
        return totalSeconds;
    }

    /** Training loss of every batch, for curves and repeatability checks. */
    public double[] batchLosses() {
        return batches.stream().mapToDouble(BatchRecord::loss).toArray();
    }

    /**
     * Mean training loss of the first {@code n} batches ({@code first}) or of the last {@code n}:
     * whether the loss fell, less noisy than comparing two single batches.
     */
    public double meanBatchLoss(boolean first, int n) {
        if (n < 1 || batches.isEmpty()) {
            throw new IllegalArgumentException("need n >= 1 and at least one batch; n = " + n + ", batches = " + batches.size());
        }
        int k = Math.min(n, batches.size());
        List<BatchRecord> part = first ? batches.subList(0, k) : batches.subList(batches.size() - k, batches.size());
        return part.stream().mapToDouble(BatchRecord::loss).average().orElse(Double.NaN);
    }

    /** Validation accuracy after each epoch (NaN where there was no validation data). */
    public List<Double> validationAccuracies() {
        return epochs.stream().map(EpochRecord::valAccuracy).toList();
    }

    /** Mean training throughput over all batches except the first {@code warmup}. */
    public double itemsPerSecond(int warmup) {
        long items = 0;
        double seconds = 0;
        for (int i = Math.min(warmup, batches.size()); i < batches.size(); i++) {
            BatchRecord b = batches.get(i);
            items += b.items();
            seconds += b.items() / b.itemsPerSecond();
        }
        return seconds == 0 ? Double.NaN : items / seconds;
    }

    /**
     * Loss per batch (smoothed) and per epoch, with accuracy on a second axis where there is one.
     */
    public XYChart plot() {
        XYChart chart = new XYChartBuilder().width(720).height(400).title("Training history")
                .xAxisTitle("epoch").yAxisTitle("loss").build();
        chart.getStyler().setMarkerSize(5);
        if (!batches.isEmpty()) {
            int perEpoch = Math.max(1, (int) batches.stream().filter(b -> b.epoch() == 1).count());
            double[] x = new double[batches.size()];
            double[] y = smooth(batchLosses(), Math.max(1, perEpoch / 20));
            for (int i = 0; i < x.length; i++) {
                x[i] = (double) (i + 1) / perEpoch;
            }
            chart.addSeries("batch loss (smoothed)", x, y).setMarker(SeriesMarkers.NONE);
        }
        if (!epochs.isEmpty()) {
            double[] x = epochs.stream().mapToDouble(EpochRecord::epoch).toArray();
            chart.addSeries("train loss", x, epochs.stream().mapToDouble(EpochRecord::trainLoss).toArray());
            if (!Double.isNaN(last().valLoss())) {
                chart.addSeries("validation loss", x, epochs.stream().mapToDouble(EpochRecord::valLoss).toArray());
            }
            if (!Double.isNaN(last().trainAccuracy())) {
                chart.addSeries("train accuracy", x, epochs.stream().mapToDouble(EpochRecord::trainAccuracy).toArray())
                        .setYAxisGroup(1);
                chart.setYAxisGroupTitle(1, "accuracy");
            }
            if (!Double.isNaN(last().valAccuracy())) {
                chart.addSeries("validation accuracy", x, epochs.stream().mapToDouble(EpochRecord::valAccuracy).toArray())
                        .setYAxisGroup(1);
                chart.setYAxisGroupTitle(1, "accuracy");
            }
        }
        return chart;
    }

    static double[] smooth(double[] v, int window) {
        double[] out = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i];
            if (i >= window) {
                sum -= v[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /** One line about an epoch, as progress output prints it. */
    static String describe(EpochRecord e, int epochs) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f", e.epoch(), epochs, e.trainLoss()));
        if (!Double.isNaN(e.trainAccuracy())) {
            sb.append(String.format(Locale.ROOT, "  acc %.4f", e.trainAccuracy()));
        }
        if (!Double.isNaN(e.valLoss())) {
            sb.append(String.format(Locale.ROOT, "  val_loss %.4f", e.valLoss()));
        }
        if (!Double.isNaN(e.valAccuracy())) {
            sb.append(String.format(Locale.ROOT, "  val_acc %.4f", e.valAccuracy()));
        }
        sb.append(String.format(Locale.ROOT, "  %.0f items/s  %.1f s", e.itemsPerSecond(), e.seconds()));
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (EpochRecord e : epochs) {
            sb.append(describe(e, epochs.size())).append('\n');
        }
        if (stoppedEarly) {
            sb.append("stopped early; best epoch ").append(bestEpoch).append('\n');
        }
        return sb.toString().strip();
    }
}
