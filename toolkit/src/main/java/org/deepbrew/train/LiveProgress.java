package org.deepbrew.train;

import org.deepbrew.display.LiveChart;
import org.deepbrew.display.ProgressMeter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress through the display layer: a bar per epoch (batch, loss, accuracy, items/s, time left)
 * and one chart of loss and accuracy redrawn in place. Both throttle their updates, so a fast
 * loop does not flood the notebook; outside Jupyter they fall back to occasional console lines.
 */
public final class LiveProgress implements FitListener {
    private final boolean chart;
    private ProgressMeter bar;
    private LiveChart curves;
    private int epochs;
    private int batchesPerEpoch;
    private double lossSum;
    private double accSum;
    private int seen;

    /** A progress bar and a live chart. */
    public LiveProgress() {
        this(true);
    }

    /** A progress bar, with a live chart if {@code chart}. */
    public LiveProgress(boolean chart) {
        this.chart = chart;
    }

    @Override
    public void onStart(int epochs, int batchesPerEpoch) {
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
        if (chart) {
            curves = LiveChart.create("Training", "epoch", "loss / accuracy");
        }
    }

    @Override
    public void onBatch(BatchRecord b, History history) {
        if (bar == null) {
            bar = ProgressMeter.create("epoch " + b.epoch() + "/" + epochs, batchesPerEpoch);
            lossSum = 0;
            accSum = 0;
            seen = 0;
        }
        seen++;
        lossSum += b.loss();
        accSum += Double.isNaN(b.accuracy()) ? 0 : b.accuracy();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", String.format(java.util.Locale.ROOT, "%.4f", lossSum / seen));
        if (!Double.isNaN(b.accuracy())) {
            m.put("acc", String.format(java.util.Locale.ROOT, "%.3f", accSum / seen));
        }
        m.put("items/s", Math.round(b.itemsPerSecond()));
        bar.step().metrics(m);
    }

    @Override
    public void onEpoch(EpochRecord e, History history) {
        if (bar != null) {
            bar.message(History.describe(e, epochs));
            bar.close();
            bar = null;
        }
        if (curves != null) {
            curves.add("train loss", e.epoch(), e.trainLoss());
            if (!Double.isNaN(e.valLoss())) {
                curves.add("validation loss", e.epoch(), e.valLoss());
            }
            if (!Double.isNaN(e.trainAccuracy())) {
                curves.add("train accuracy", e.epoch(), e.trainAccuracy());
            }
            if (!Double.isNaN(e.valAccuracy())) {
                curves.add("validation accuracy", e.epoch(), e.valAccuracy());
            }
        }
    }

    @Override
    public void onEnd(History history) {
        if (bar != null) {
            bar.close();
        }
        if (curves != null) {
            curves.finish();
        }
        if (history.stoppedEarly()) {
            System.out.println("Stopped early after epoch " + history.epochs().size()
                    + "; best epoch " + history.bestEpoch());
        }
    }
}
