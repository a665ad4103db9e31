package org.deepbrew.recsys;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Locale;

/**
 * What {@link RankingEvaluator} measured for one model over one list of cases, every metric over
 * the full catalogue.
 *
 * @param model        the recommender's {@link Recommender#name()}
 * @param k            the cut-off of the @k metrics
 * @param users        number of cases scored (one per user)
 * @param hitRate      HR@k: share of cases whose target ranks in the top k
 * @param ndcg         NDCG@k: mean of {@code 1/log2(rank + 1)} over cases with rank {@code <= k}, 0 otherwise
 *                     (one relevant item, so the ideal DCG is 1)
 * @param mrr          mean reciprocal rank {@code 1/rank}, over the whole ranking (not cut at k)
 * @param coverage     catalogue coverage@k: share of the catalogue's items in at least one user's top k
 * @param trainSeconds seconds the model took to fit, NaN when not known
 * @param evalSeconds  seconds the evaluation took
 * @param ranks        each case's 1-based rank, in case order (for histograms); do not change it
 */
public record RankingResult(String model, int k, int users, double hitRate, double ndcg, double mrr,
                            double coverage, double trainSeconds, double evalSeconds, int[] ranks) {

    /** This result with the fitting time filled in. */
    public RankingResult withTrainSeconds(double seconds) {
        return new RankingResult(model, k, users, hitRate, ndcg, mrr, coverage, seconds, evalSeconds, ranks);
    }

    /**
     * One row per result, for a notebook: {@code model}, {@code users}, {@code hr@k},
     * {@code ndcg@k}, {@code mrr}, {@code coverage@k}, {@code train_s} (missing when unknown). All
     * results must share one k, since the column names carry it.
     */
    public static Table table(List<RankingResult> results) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no results to tabulate");
        }
        int k = results.get(0).k();
        StringColumn model = StringColumn.create("model");
        IntColumn users = IntColumn.create("users");
        DoubleColumn hr = DoubleColumn.create("hr@" + k);
        DoubleColumn ndcg = DoubleColumn.create("ndcg@" + k);
        DoubleColumn mrr = DoubleColumn.create("mrr");
        DoubleColumn coverage = DoubleColumn.create("coverage@" + k);
        DoubleColumn train = DoubleColumn.create("train_s");
        for (RankingResult r : results) {
            if (r.k() != k) {
                throw new IllegalArgumentException("results mix k = " + k + " and k = " + r.k() + " (" + r.model()
                        + "); evaluate them at one k");
            }
            model.append(r.model());
            users.append(r.users());
            hr.append(r.hitRate());
            ndcg.append(r.ndcg());
            mrr.append(r.mrr());
            coverage.append(r.coverage());
            // NaN is Tablesaw's missing value for doubles, so an unknown time shows as missing.
            train.append(r.trainSeconds());
        }
        return Table.create("ranking@" + k, model, users, hr, ndcg, mrr, coverage, train);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: HR@%d %.4f, NDCG@%d %.4f, MRR %.4f, coverage@%d %.4f over %d users",
                model, k, hitRate, k, ndcg, mrr, k, coverage, users);
    }
}
