package org.deepbrew.recsys;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link Recommender} over ranking cases and measures HR@k, NDCG@k, MRR and catalogue
 * coverage@k over the full catalogue, never over sampled negatives: a sampled ranking against 100
 * random items flatters every model and can even reorder them.
 *
 * <p>By default the items in a case's history are excluded from its ranking (a user is not
 * recommended what they have already seen); the target itself is never excluded. Ranks are
 * pessimistic about ties, as {@link FullRanking} states. Histories go to the model in chunks of
 * {@link #batchSize(int)} through {@link Recommender#score(List)}, so batched models run fast.
 *
 * <pre>{@code
 * RankingResult r = RankingEvaluator.atK(10).evaluate(model, split.testCases());
 * }</pre>
 */
public final class RankingEvaluator {
    private final int k;
    private final boolean excludeSeen;
    private final int batchSize;

    private RankingEvaluator(int k, boolean excludeSeen, int batchSize) {
        this.k = k;
        this.excludeSeen = excludeSeen;
        this.batchSize = batchSize;
    }

    /** An evaluator with cut-off {@code k}, seen items excluded, chunks of 256 histories. */
    public static RankingEvaluator atK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        return new RankingEvaluator(k, true, 256);
    }

    /** Whether to exclude the history's items from each ranking (default true). */
    public RankingEvaluator excludeSeen(boolean exclude) {
        return new RankingEvaluator(k, exclude, batchSize);
    }

    /** How many histories to score per call of {@link Recommender#score(List)} (default 256). */
    public RankingEvaluator batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        }
        return new RankingEvaluator(k, excludeSeen, size);
    }

    /** The metrics of {@code model} on {@code cases}; the training time is left unknown (NaN). */
    public RankingResult evaluate(Recommender model, List<RankingCase> cases) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no cases to evaluate " + model.name() + " on");
        }
        long start = System.nanoTime();
        int n = model.itemCount();
        boolean[] excluded = new boolean[n + 1];
        boolean[] recommended = new boolean[n + 1];
        int[] ranks = new int[cases.size()];
        double hits = 0;
        double ndcg = 0;
        double mrr = 0;
        for (int from = 0; from < cases.size(); from += batchSize) {
            List<RankingCase> chunk = cases.subList(from, Math.min(cases.size(), from + batchSize));
            List<int[]> histories = new ArrayList<>(chunk.size());
            for (RankingCase c : chunk) {
                histories.add(c.history());
            }
            List<float[]> scores = model.score(histories);
            if (scores.size() != chunk.size()) {
                throw new IllegalStateException(model.name() + " returned " + scores.size() + " score arrays for "
                        + chunk.size() + " histories");
            }
            for (int i = 0; i < chunk.size(); i++) {
                RankingCase c = chunk.get(i);
                float[] s = scores.get(i);
                if (s.length != n + 1) {
                    throw new IllegalStateException(model.name() + " returned " + s.length + " scores; expected "
                            + (n + 1) + " (item ids 0.." + n + ", entry 0 unused)");
                }
                if (c.target() > n) {
                    throw new IllegalArgumentException("target " + c.target() + " of user " + c.user()
                            + " is outside the model's catalogue 1.." + n);
                }
                mark(excluded, c.history(), true);
                excluded[c.target()] = false;
                int rank = FullRanking.rankOf(s, c.target(), excluded);
                for (int item : FullRanking.top(s, k, excluded)) {
                    recommended[item] = true;
                }
                mark(excluded, c.history(), false);
                ranks[from + i] = rank;
                mrr += 1.0 / rank;
                if (rank <= k) {
                    hits++;
                    ndcg += 1.0 / log2(rank + 1);
                }
            }
        }
        int covered = 0;
        for (int j = 1; j <= n; j++) {
            covered += recommended[j] ? 1 : 0;
        }
        int m = cases.size();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RankingResult(model.name(), k, m, hits / m, ndcg / m, mrr / m, (double) covered / n,
                Double.NaN, seconds, ranks);
    }

    private void mark(boolean[] excluded, int[] history, boolean value) {
        if (!excludeSeen) {
            return;
        }
        for (int item : history) {
            if (item > 0 && item < excluded.length) {
                excluded[item] = value;
            }
        }
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
