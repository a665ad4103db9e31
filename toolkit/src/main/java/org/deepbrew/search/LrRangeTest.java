package org.deepbrew.search;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.deepbrew.train.BatchRecord;
import org.deepbrew.train.Fit;
import org.deepbrew.train.History;
import org.deepbrew.train.Schedule;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The learning-rate range test (Smith, 2015, "Cyclical Learning Rates"): train for a few hundred
 * steps while the rate grows exponentially from tiny to huge, and watch the loss. It barely moves
 * at first, then falls fast, then blows up; a good rate sits where it falls fastest.
 *
 * <pre>{@code
 * LrRangeTest test = LrRangeTest.of(1e-5, 1, 200);
 * Fit fit = Fit.of(model).optimizer(Optimizer.adam().optLearningRateTracker(test.schedule()).build())
 *         .train(trainSet).epochs(5);
 * LrRangeTest.Result r = test.run(fit);
 * r.suggestedLr(); r.plot();
 * }</pre>
 *
 * The model's weights are changed by the test: build a fresh model for the real run.
 */
public final class LrRangeTest {
    private final double minLr;
    private final double maxLr;
    private final int steps;

    private LrRangeTest(double minLr, double maxLr, int steps) {
        this.minLr = minLr;
        this.maxLr = maxLr;
        this.steps = steps;
    }

    /** A ramp from {@code minLr} at step 1 to {@code maxLr} at step {@code steps}. */
    public static LrRangeTest of(double minLr, double maxLr, int steps) {
        if (!(minLr > 0) || !(maxLr > minLr) || !Double.isFinite(maxLr)) {
            throw new IllegalArgumentException("need 0 < minLr < maxLr, got " + minLr + " and " + maxLr);
        }
        if (steps < 5) {
            throw new IllegalArgumentException("a range test needs at least 5 steps, got " + steps);
        }
        return new LrRangeTest(minLr, maxLr, steps);
    }

    /** The exponential ramp; give it to the optimizer as its learning-rate tracker. */
    public Schedule schedule() {
        double ratio = maxLr / minLr;
        int n = steps;
        double lo = minLr;
        return step -> (float) (lo * Math.pow(ratio, (double) (Math.min(step, n) - 1) / (n - 1)));
    }

    /**
     * Trains {@code fit} (whose optimizer must use {@link #schedule()}) for the test's steps and
     * analyses the batch losses. Give the fit enough epochs to cover the steps; a run that ends
     * sooner is analysed as far as it got.
     */
    public Result run(Fit fit) {
        Objects.requireNonNull(fit, "fit");
        Schedule ramp = schedule();
        History h = fit.recordSchedule(ramp).maxSteps(steps).run();
        List<BatchRecord> batches = h.batches();
        if (batches.size() < 5) {
            throw new IllegalStateException("the range test got only " + batches.size()
                    + " batches; give the Fit more epochs or data (it needs " + steps + " steps)");
        }
        double[] lrs = new double[batches.size()];
        double[] losses = new double[batches.size()];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = ramp.at(batches.get(i).step());
            losses[i] = batches.get(i).loss();
        }
        return analyze(lrs, losses);
    }

    /**
     * Finds the rates in a loss-against-rate curve: smooths it with a centred moving average (no lag,
     * so the knee is not pushed right), cuts it where the loss exceeds 4x its minimum so far (the
     * blow-up), and takes the steepest descent per unit of log rate before the lowest loss.
     */
    public static Result analyze(double[] lrs, double[] losses) {
        Objects.requireNonNull(lrs, "lrs");
        Objects.requireNonNull(losses, "losses");
        if (lrs.length != losses.length) {
            throw new IllegalArgumentException(lrs.length + " rates but " + losses.length + " losses");
        }
        if (lrs.length < 5) {
            throw new IllegalArgumentException("need at least 5 points, got " + lrs.length);
        }
        for (int i = 0; i < lrs.length; i++) {
            if (!(lrs[i] > 0)) {
                throw new IllegalArgumentException("learning rate " + i + " is not positive: " + lrs[i]);
            }
            if (i > 0 && !(lrs[i] > lrs[i - 1])) {
                throw new IllegalArgumentException("learning rates must increase; point " + i + " does not");
            }
        }
        int window = Math.max(1, lrs.length / 20) | 1; // odd, so the average is centred
        double[] smooth = new double[lrs.length];
        int half = window / 2;
        for (int i = 0; i < lrs.length; i++) {
            double sum = 0;
            int n = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(lrs.length - 1, i + half); j++) {
                if (Double.isFinite(losses[j])) {
                    sum += losses[j];
                    n++;
                }
            }
            smooth[i] = n == 0 ? Double.NaN : sum / n;
        }
        int end = smooth.length; // exclusive: where the curve blew up
        double min = Double.POSITIVE_INFINITY;
        int minAt = 0;
        for (int i = 0; i < smooth.length; i++) {
            if (!Double.isFinite(smooth[i]) || (i > 0 && smooth[i] > 4 * min && min > 0)) {
                end = i;
                break;
            }
            if (smooth[i] < min) {
                min = smooth[i];
                minAt = i;
            }
        }
        if (end < 3) {
            throw new IllegalStateException("the loss diverged within the first " + end
                    + " steps; start the ramp at a smaller rate than " + lrs[0]);
        }
        // Only the descent counts: past the lowest loss the curve is noise and spikes on its way up,
        // and a spike followed by a partial recovery would look like the steepest fall of all.
        int last = minAt >= 2 ? Math.min(minAt, end - 2) : end - 2;
        int steepestAt = 1;
        double steepest = Double.POSITIVE_INFINITY;
        for (int i = 1; i <= last; i++) {
            double slope = (smooth[i + 1] - smooth[i - 1]) / (Math.log(lrs[i + 1]) - Math.log(lrs[i - 1]));
            if (slope < steepest) {
                steepest = slope;
                steepestAt = i;
            }
        }
        return new Result(lrs.clone(), losses.clone(), smooth, end, lrs[steepestAt], lrs[minAt]);
    }

    /**
     * What the test found.
     *
     * @param lrs         the rate at each step
     * @param losses      the raw batch losses
     * @param smoothed    the losses after the centred moving average
     * @param usable      how many leading points come before the blow-up
     * @param suggestedLr where the smoothed loss falls fastest: the rate to train with
     * @param minLossLr   where the smoothed loss is lowest; already close to the edge, so a tenth
     *                    of it is the other common rule of thumb
     */
    public record Result(double[] lrs, double[] losses, double[] smoothed, int usable, double suggestedLr,
                         double minLossLr) {
        /** Loss against rate on a log axis, with the suggestion marked. */
        public XYChart plot() {
            XYChart chart = new XYChartBuilder().width(720).height(400).title("Learning-rate range test")
                    .xAxisTitle("learning rate").yAxisTitle("loss").build();
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setMarkerSize(4);
            double[] x = java.util.Arrays.copyOf(lrs, usable);
            chart.addSeries("batch loss", x, java.util.Arrays.copyOf(losses, usable)).setMarker(SeriesMarkers.NONE);
            chart.addSeries("smoothed", x, java.util.Arrays.copyOf(smoothed, usable)).setMarker(SeriesMarkers.NONE);
            double lo = java.util.Arrays.stream(smoothed, 0, usable).min().orElse(0);
            double hi = java.util.Arrays.stream(smoothed, 0, usable).max().orElse(1);
            chart.addSeries(String.format(Locale.ROOT, "suggested %.2g", suggestedLr),
                    new double[] {suggestedLr, suggestedLr}, new double[] {lo, hi}).setMarker(SeriesMarkers.NONE);
            return chart;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "LR range test: suggested lr %.3g (steepest descent), lowest loss at %.3g,"
                    + " %d of %d steps before the loss blew up", suggestedLr, minLossLr, usable, lrs.length);
        }
    }
}
