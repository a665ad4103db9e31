package org.deepbrew.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Every trial a search ran, in the order it ran them, and which one won. */
public final class SearchResult {
    private final List<Trial> trials;
    private final boolean higherIsBetter;

    SearchResult(List<Trial> trials, boolean higherIsBetter) {
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("a search result needs at least one trial");
        }
        this.trials = List.copyOf(trials);
        this.higherIsBetter = higherIsBetter;
    }

    /**
     * A result from trials run elsewhere, e.g. as Spark tasks: {@code trials} in the order they were
     * started, ranked as {@code higherIsBetter} says.
     */
    public static SearchResult of(List<Trial> trials, boolean higherIsBetter) {
        return new SearchResult(trials, higherIsBetter);
    }

    /** All trials in run order. */
    public List<Trial> trials() {
        return trials;
    }

    /** True when a larger score is better. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Best first; failed (NaN) trials last. */
    public Comparator<Trial> ranking() {
        return ranking(higherIsBetter);
    }

    static Comparator<Trial> ranking(boolean higherIsBetter) {
        return (a, b) -> {
            boolean na = Double.isNaN(a.score());
            boolean nb = Double.isNaN(b.score());
            if (na || nb) {
                return Boolean.compare(na, nb);
            }
            return higherIsBetter ? Double.compare(b.score(), a.score()) : Double.compare(a.score(), b.score());
        };
    }

    /**
     * The winner: the best trial among those that got the largest budget (a short trial's score is
     * not comparable with a long one's).
     */
    public Trial best() {
        return top(1).get(0);
    }

    /** The {@code k} best trials at the largest budget, best first. */
    public List<Trial> top(int k) {
        int maxBudget = trials.stream().mapToInt(Trial::budget).max().orElseThrow();
        List<Trial> finalists = new ArrayList<>(trials.stream().filter(t -> t.budget() == maxBudget).toList());
        finalists.sort(ranking());
        return finalists.subList(0, Math.min(k, finalists.size()));
    }

    /** Units of training spent over all trials: what a search costs. */
    public long totalBudget() {
        return trials.stream().mapToLong(Trial::budget).sum();
    }

    /**
     * Score against training budget spent so far, one series per rung, plus the best-so-far line at
     * full budget: shows how much of the budget went where and when the winner turned up.
     */
    public XYChart plot() {
        XYChart chart = new XYChartBuilder().width(720).height(400).title("Hyper-parameter search")
                .xAxisTitle("training budget spent").yAxisTitle("score").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(7);
        int rungs = trials.stream().mapToInt(Trial::rung).max().orElse(0) + 1;
        List<List<double[]>> byRung = new ArrayList<>();
        for (int r = 0; r < rungs; r++) {
            byRung.add(new ArrayList<>());
        }
        long spent = 0;
        for (Trial t : trials) {
            spent += t.budget();
            if (!Double.isNaN(t.score())) {
                byRung.get(t.rung()).add(new double[] {spent, t.score()});
            }
        }
        for (int r = 0; r < rungs; r++) {
            List<double[]> pts = byRung.get(r);
            if (pts.isEmpty()) {
                continue;
            }
            String name = rungs == 1 ? "trials" : String.format(Locale.ROOT, "rung %d (budget %d)", r,
                    budgetOf(r).map(Trial::budget).orElse(0));
            chart.addSeries(name, pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray());
        }
        return chart;
    }


    private java.util.Optional<Trial> budgetOf(int rung) {
        return trials.stream().filter(t -> t.rung() == rung).findFirst();
    }

    /** One line per trial at the largest budget, best first. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d trials, total budget %d%n", trials.size(), totalBudget()));
        for (Trial t : top(Integer.MAX_VALUE)) {
            sb.append(String.format(Locale.ROOT, "  #%-3d budget %-4d score %.4f  %s%n", t.id(), t.budget(),
                    t.score(), t.params()));
        }
        return sb.toString();
    }
}
