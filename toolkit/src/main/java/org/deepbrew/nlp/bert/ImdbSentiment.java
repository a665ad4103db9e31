package org.deepbrew.nlp.bert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.data.text.SentimentSentences;
import org.deepbrew.nlp.TextSplit;
import org.deepbrew.notebook.Notebook;

/**
 * Notebook 07's sentiment classifier as later notebooks and benchmarks reuse it: MiniLM, mean-pooled,
 * fine-tuned on the IMDb sentences with notebook 07's settings, saved once under
 * {@code DEEPBREW_DATA/models} and loaded from there afterwards.
 *
 * <pre>{@code
 * TextSplit split = ImdbSentiment.split();
 * try (BertTextClassifier teacher = ImdbSentiment.fineTunedOrCached(split)) {
 *     teacher.evaluate(split.test());
 * }
 * }</pre>
 *
 * <p>Quick mode ({@code DEEPBREW_QUICK=1}) fine-tunes briefly (128 sentences, 2 epochs, 32 tokens), as
 * notebook 07 does in quick mode; quick and full models are cached apart.
 */
public final class ImdbSentiment {
    /** The two classes, in label order. */
    public static final List<String> CLASS_NAMES = List.of("negative", "positive");

    private ImdbSentiment() {}

    /** Notebook 07's stratified 70 / 15 / 15 split of the 1,000 IMDb sentences (seed 42). */
    public static TextSplit split() {
        return TextSplit.stratified(SentimentSentences.load(SentimentSentences.Source.IMDB), 0.7, 0.15, 42);
    }

    /** Tokens per sentence: 32 in quick mode, 64 otherwise. */
    public static int maxLength() {
        return Notebook.pick(32, 64);
    }

    /** Fine-tuning epochs: 2 in quick mode, 4 otherwise. */
    public static int epochs() {
        return Notebook.pick(2, 4);
    }

    /** The training sentences fine-tuning uses: the first 128 of the split's in quick mode, all otherwise. */
    public static List<LabeledText> trainingSentences(TextSplit split) {
        return split.train().subList(0, Notebook.pick(Math.min(128, split.train().size()), split.train().size()));
    }

    /** Where the fine-tuned model is cached: its settings are in the name, so a change of settings retrains. */
    public static Path cacheDirectory() {
        return Notebook.dataDir().resolve("models").resolve(String.format(Locale.ROOT,
                "sentiment-minilm-imdb-mean-len%d-ep%d-%s", maxLength(), epochs(), Notebook.quick() ? "quick" : "full"));
    }

    /** The classifier from the cache, else fine-tuned on {@code split} and cached. */
    public static BertTextClassifier fineTunedOrCached(TextSplit split) throws IOException {
        return fineTunedOrCached(split, false);
    }

    /** As {@link #fineTunedOrCached(TextSplit)}; {@code retrain} ignores (and replaces) the cached model. */
    public static BertTextClassifier fineTunedOrCached(TextSplit split, boolean retrain) throws IOException {
        Path dir = cacheDirectory();
        if (!retrain && Files.isDirectory(dir)) {
            System.out.println("fine-tuned model: cached in " + dir);
            return BertTextClassifier.load(dir);
        }
        List<LabeledText> train = trainingSentences(split);
        System.out.printf("fine-tuning MiniLM on %d IMDb sentences (%d epochs, %d tokens); cached in %s%n",
                train.size(), epochs(), maxLength(), dir);
        BertTextClassifier classifier = BertTextClassifier.pretrained(PretrainedBert.MINI_LM_L6_V2, CLASS_NAMES,
                Pooling.MEAN, maxLength());
        FineTuning settings = FineTuning.builder().epochs(epochs()).batchSize(Notebook.pick(16, 32))
                .learningRate(1e-4f).build();
        classifier.fineTune(train, split.validation(), settings);
        // Written next to its final place and renamed, so an interrupted run never leaves half a model.
        Path staging = Files.createDirectories(dir.getParent()).resolve(dir.getFileName() + ".partial");
        deleteTree(staging);
        classifier.save(staging);
        deleteTree(dir);
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        return classifier;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
