package org.deepbrew.recsys;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.deepbrew.data.EpochBatches;

/**
 * Per-user item sequences as next-item training batches for {@link org.deepbrew.train.Fit}.
 *
 * <p>Each example is a window of a user's history, oldest first: the inputs are its items but the
 * last, the targets the same items shifted by one, so step {@code t} is asked for the item that
 * followed input {@code t}. A batch's data is the input ids (batch, length); its labels are the
 * target ids (batch, length) and a mask (batch, length), 1 for a step the loss counts and 0 for
 * padding. {@link NextItemLoss} reads them.
 *
 * <p>Padding is on the right, with id 0, and a batch is as long as its longest window. The
 * models are causal (an LSTM, attention that looks only backwards), so padding placed after the
 * real items can never reach a real step: a history computes the same outputs whatever batch it
 * sits in, and its last real step is at {@code length - 1}.
 *
 * <p>Histories longer than {@code maxLength + 1} items are cut into windows: by default only the
 * most recent one ({@link Windows#MOST_RECENT}), since the recent past is what predicts the next
 * item and each epoch then costs one window per user; {@link Windows#WHOLE_HISTORY} covers the
 * whole history with consecutive windows, so every transition is a target exactly once.
 *
 * <p>Shuffling is reproducible: epoch {@code e} visits the windows in {@code Random(seed + e)} order.
 */
public final class SequenceBatches extends EpochBatches {
    /** How histories longer than a window are used. */
    public enum Windows {
        /** The most recent {@code maxLength + 1} items of each history. */
        MOST_RECENT,
        /** Consecutive windows back from the end that together cover every transition once. */
        WHOLE_HISTORY
    }

    private final List<int[]> windows;
    private final int maxLength;
    private final boolean lastStepOnly;
    private final long steps;

    private SequenceBatches(Builder b, List<int[]> windows) {
        super(windows.size(), b.batchSize, b.shuffle, b.seed);
        this.maxLength = b.maxLength;
        this.lastStepOnly = b.lastStepOnly;
        this.windows = windows;
        long s = 0;
        for (int[] w : windows) {
            s += lastStepOnly ? 1 : w.length - 1;
        }
        this.steps = s;
    }

    /**
     * Training batches from per-user sequences of item ids {@code 1..itemCount}, oldest first.
     * Sequences of fewer than two items are skipped: they hold no transition.
     */
    public static Builder of(List<int[]> sequences, int itemCount) {
        return new Builder(sequences, itemCount);
    }

    /** Number of windows (examples) in an epoch. */
    public int size() {
        return windows.size();
    }

    /** Number of target steps the loss counts in an epoch. */
    public long steps() {
        return steps;
    }

    /** Longest input a window has. */
    public int maxLength() {
        return maxLength;
    }

    @Override
    protected Batch batch(NDManager manager, int[] rows, Random random, int index) {
        int length = 0;
        for (int r : rows) {
            length = Math.max(length, windows.get(r).length - 1);
        }
        int[] inputs = new int[rows.length * length];
        float[] targets = new float[rows.length * length];
        float[] mask = new float[rows.length * length];
        for (int i = 0; i < rows.length; i++) {
            int[] w = windows.get(rows[i]);
            int n = w.length - 1;
            for (int t = 0; t < n; t++) {
                inputs[i * length + t] = w[t];
                targets[i * length + t] = w[t + 1];
                mask[i * length + t] = lastStepOnly && t < n - 1 ? 0f : 1f;
            }
        }
        NDManager sub = manager.newSubManager();
        Shape shape = new Shape(rows.length, length);
        NDList data = new NDList(sub.create(inputs, shape));
        NDList labels = new NDList(sub.create(targets, shape), sub.create(mask, shape));
        return new Batch(sub, data, labels, rows.length, Batchifier.STACK, Batchifier.STACK, index, batchesPerEpoch());
    }

    /** The windows of {@code maxLength + 1} items or fewer each example is made of. */
    private static List<int[]> cut(List<int[]> sequences, int itemCount, int maxLength, Windows mode) {
        List<int[]> out = new ArrayList<>();
        for (int u = 0; u < sequences.size(); u++) {
            int[] s = Objects.requireNonNull(sequences.get(u), "sequence " + u);
            for (int item : s) {
                if (item < 1 || item > itemCount) {
                    throw new IllegalArgumentException("sequence " + u + " holds item " + item
                            + ", outside 1.." + itemCount + " (0 is padding)");
                }
            }
            // Windows end at the last item and step back maxLength items, sharing one item, so
            // each transition (s[j-1] -> s[j]) lies in exactly one window.
            for (int end = s.length - 1; end >= 1; end -= maxLength) {
                out.add(Arrays.copyOfRange(s, Math.max(0, end - maxLength), end + 1));
                if (mode == Windows.MOST_RECENT) {
                    break;
                }
            }
        }
        return out;
    }

    /** Builds {@link SequenceBatches}: windows of 50 items, batches of 64, shuffled. */
    public static final class Builder {
        private final List<int[]> sequences;
        private final int itemCount;
        private int maxLength = 50;
        private int batchSize = 64;
        private boolean shuffle = true;
        private boolean lastStepOnly;
        private Windows windows = Windows.MOST_RECENT;
        private Long seed;

        private Builder(List<int[]> sequences, int itemCount) {
            this.sequences = List.copyOf(Objects.requireNonNull(sequences, "sequences"));
            if (itemCount < 1) {
                throw new IllegalArgumentException("itemCount must be at least 1, got " + itemCount);
            }
            this.itemCount = itemCount;
        }

        /** Longest input of a window (default 50): each window holds up to {@code maxLength + 1} items. */
        public Builder maxLength(int maxLength) {
            if (maxLength < 1) {
                throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
            }
            this.maxLength = maxLength;
            return this;
        }

        /** Windows per batch (default 64). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** Whether each epoch visits the windows in a new random order (default true). */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /** How long histories are cut (default {@link Windows#MOST_RECENT}). */
        public Builder windows(Windows windows) {
            this.windows = Objects.requireNonNull(windows, "windows");
            return this;
        }

        /**
         * Counts only each window's final target: for validation, where each history ends with
         * the held-out item and only that prediction is a fair test.
         */
        public Builder lastStepOnly(boolean lastStepOnly) {
            this.lastStepOnly = lastStepOnly;
            return this;
        }

        /** The shuffling seed; without one, a seeded {@code Fit} supplies it. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public SequenceBatches build() {
            List<int[]> windows = cut(sequences, itemCount, maxLength, this.windows);
            if (windows.isEmpty()) {
                throw new IllegalArgumentException("no sequence has the two items a next-item example needs");
            }
            return new SequenceBatches(this, windows);
        }
    }
}
