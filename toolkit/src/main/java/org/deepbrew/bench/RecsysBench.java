package org.deepbrew.bench;

import org.deepbrew.data.movielens.MovieLens;
import org.deepbrew.recsys.AlsRecommender;
import org.deepbrew.recsys.InteractionLog;
import org.deepbrew.recsys.ItemKnnRecommender;
import org.deepbrew.recsys.LeaveLastOutSplit;
import org.deepbrew.recsys.PopularityRecommender;
import org.deepbrew.recsys.RankingEvaluator;
import org.deepbrew.recsys.RankingResult;
import org.deepbrew.recsys.Recommender;
import org.deepbrew.recsys.SequenceRecommender;
import org.deepbrew.train.History;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every recommender of {@code org.deepbrew.recsys} trained on the whole of MovieLens latest-small
 * and ranked over the full catalogue on each user's last item (leave-last-out, items the user has
 * seen excluded). Prints {@code ndcg_at_10_<model>=}, {@code hr_at_10_<model>=} and
 * {@code train_seconds_<model>=} per model, then the comparison table.
 *
 * <p>Options: {@code --epochs N} caps the sequence models' epochs (default 50, the seed's; early
 * stopping on validation loss with patience 10 usually ends them sooner).
 */
public final class RecsysBench {
    private RecsysBench() {}

    public static void main(String[] args) {
        int epochs = 50;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--epochs")) {
                epochs = Integer.parseInt(args[++i]);
            }
        }
        InteractionLog log = InteractionLog.fromMovieLens(MovieLens.small().ratings());
        LeaveLastOutSplit split = LeaveLastOutSplit.of(log.toSequences());
        System.out.printf("data: %d interactions, %d users, %d items; %d test users%n",
                log.size(), split.userCount(), split.itemCount(), split.testCases().size());
        List<int[]> train = split.trainingSequences();
        int items = split.itemCount();
        int maxEpochs = epochs;

        List<RankingResult> results = new ArrayList<>();
        results.add(run("popularity", split, () -> PopularityRecommender.fit(train, items)));
        results.add(run("item_knn", split, () -> ItemKnnRecommender.fit(train, items)));
        results.add(run("mf", split, () -> AlsRecommender.fit(train, items)));
        results.add(run("lstm", split, () -> trained(SequenceRecommender.lstm(items), split, maxEpochs)));
        results.add(run("self_attention", split,
                () -> trained(SequenceRecommender.selfAttention(items), split, maxEpochs)));
        System.out.println(RankingResult.table(results).printAll());
    }

    private static Recommender trained(SequenceRecommender.Builder model, LeaveLastOutSplit split, int epochs) {
        SequenceRecommender.Trained t = model.fit(split.trainingSequences(), split.trainingAndValidationSequences(), epochs);
        History h = t.history();
        System.out.printf("  %s: %d epochs, last training loss %.3f (ln items = %.3f)%n", t.recommender().name(),
                h.epochs().size(), h.last().trainLoss(), Math.log(split.itemCount()));
        return t.recommender();
    }

    private static RankingResult run(String key, LeaveLastOutSplit split, Supplier<Recommender> fit) {
        long start = System.nanoTime();
        Recommender model = fit.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        RankingResult r = RankingEvaluator.atK(10).evaluate(model, split.testCases()).withTrainSeconds(seconds);
        System.out.printf("ndcg_at_10_%s=%.4f%nhr_at_10_%s=%.4f%ntrain_seconds_%s=%.1f%n",
                key, r.ndcg(), key, r.hitRate(), key, seconds);
        if (model instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return r;
    }
}
