package org.deepbrew.deploy.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.deepbrew.train.BatchRecord;
import org.deepbrew.train.FitListener;
import org.deepbrew.train.History;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Unstructured magnitude pruning of a block's chosen parameters. As a {@link FitListener} it runs
 * after each optimizer update: on pruning steps it raises every chosen tensor's sparsity to the
 * schedule's value by zeroing its smallest-magnitude weights, and on every step it multiplies the
 * weights by their masks again, so weights once pruned stay zero however the optimizer (and its
 * momentum) would move them. Each tensor gets the same sparsity (layer-wise, as Zhu and Gupta do).
 *
 * <p>Zeros do not make dense matrix multiplies faster; they pay off in compressed file size, or
 * once structured pruning removes whole units.
 */
public final class MagnitudePruner implements FitListener, AutoCloseable {
    private final SparsitySchedule schedule;
    private final int every;
    private final Map<String, Parameter> chosen = new LinkedHashMap<>();
    private final Map<String, NDArray> masks = new LinkedHashMap<>();
    private final NDManager manager;
    private double current;

    private MagnitudePruner(Block block, SparsitySchedule schedule, Predicate<String> names, int every) {
        this.schedule = schedule;
        this.every = every;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (names.test(p.getKey())) {
                chosen.put(p.getKey(), p.getValue());
            }
        }
        if (chosen.isEmpty()) {
            List<String> all = new ArrayList<>();
            block.getParameters().forEach(p -> all.add(p.getKey()));
            throw new IllegalArgumentException("no parameter of the block matches; its parameters are " + all);
        }
        this.manager = NDManager.newBaseManager();
    }

    /** Prunes every weight matrix (parameters named {@code ...weight}) of {@code block}, each step. */
    public static MagnitudePruner of(Block block, SparsitySchedule schedule) {
        return of(block, schedule, denseWeights(), 1);
    }

    /**
     * Prunes the parameters of {@code block} whose names {@code names} accepts, raising the
     * sparsity every {@code every} steps (masks are re-applied on every step regardless).
     */
    public static MagnitudePruner of(Block block, SparsitySchedule schedule, Predicate<String> names, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1 step, got " + every);
        }
        return new MagnitudePruner(block, schedule, names, every);
    }

    /** Parameter names of weight matrices: what Linear and attention projections call {@code weight}. */
    public static Predicate<String> denseWeights() {
        return name -> name.endsWith("weight") && !name.toLowerCase().contains("norm");
    }

    /** Names of the pruned parameters. */
    public List<String> parameterNames() {
        return List.copyOf(chosen.keySet());
    }

    /** The sparsity the masks were last raised to. */
    public double targetReached() {
        return current;
    }

    @Override
    public void onBatch(BatchRecord batch, History history) {
        double s = schedule.at(batch.step());
        if (s > current && (batch.step() % every == 0 || batch.step() >= schedule.end())) {
            prune(s);
        } else {
            applyMasks();
        }
    }

    /** Zeroes each chosen tensor's smallest {@code sparsity} fraction of weights now, keeping earlier zeros. */
    public void prune(double sparsity) {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1), got " + sparsity);
        }
        for (Map.Entry<String, Parameter> e : chosen.entrySet()) {
            NDArray w = e.getValue().getArray();
            float[] mask = mask(w.toFloatArray(), sparsity);
            NDArray old = masks.put(e.getKey(), manager.create(mask, w.getShape()).toDevice(w.getDevice(), false)
                    .toType(w.getDataType(), false));
            if (old != null) {
                old.close();
            }
        }
        current = Math.max(current, sparsity);
        applyMasks();
    }

    /** Multiplies the chosen weights by their masks in place. */
    public void applyMasks() {
        for (Map.Entry<String, NDArray> e : masks.entrySet()) {
            chosen.get(e.getKey()).getArray().muli(e.getValue());
        }
    }

    /** Fraction of exact zeros over all chosen parameters, as measured in the weights now. */
    public double sparsity() {
        long zeros = 0;
        long total = 0;
        for (Parameter p : chosen.values()) {
            for (float v : p.getArray().toFloatArray()) {
                zeros += v == 0f ? 1 : 0;
            }
            total += p.getArray().size();
        }
        return (double) zeros / total;
    }

    /** Mask with exactly round(sparsity * n) zeros at the smallest |w| (ties broken by position). */
    static float[] mask(float[] w, double sparsity) {
        int k = (int) Math.round(sparsity * w.length);
        float[] mask = new float[w.length];
        Arrays.fill(mask, 1f);
        if (k == 0) {
            return mask;
        }
        float[] abs = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            abs[i] = Math.abs(w[i]);
        }
        float[] sorted = abs.clone();
        Arrays.sort(sorted);
        float threshold = sorted[k - 1];
        int pruned = 0;
        for (int i = 0; i < w.length; i++) {
            if (abs[i] < threshold) {
                mask[i] = 0f;
                pruned++;
            }
        }
        for (int i = 0; i < w.length && pruned < k; i++) {
            if (abs[i] == threshold) {
                mask[i] = 0f;
                pruned++;
            }
        }
        return mask;
    }

    @Override
    public void close() {
        manager.close();
    }
}
