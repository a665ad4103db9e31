package org.deepbrew.bench;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.data.text.SentimentSentences;
import org.deepbrew.train.History;
import org.deepbrew.train.metrics.ConfusionMatrix;
import org.deepbrew.nlp.TextSplit;
import org.deepbrew.nlp.baseline.BagOfWordsClassifier;
import org.deepbrew.nlp.bert.BertEncoder;
import org.deepbrew.nlp.bert.BertTextClassifier;
import org.deepbrew.nlp.bert.FineTuning;
import org.deepbrew.nlp.bert.OnnxRuntimeReference;
import org.deepbrew.nlp.bert.ParityCheck;
import org.deepbrew.nlp.bert.Pooling;
import org.deepbrew.nlp.bert.PretrainedBert;
import org.deepbrew.nlp.tokenizer.TokenBatch;

/**
 * Prints BERT figures: parity with ONNX Runtime, fine-tuned accuracy on the IMDb sentences,
 * fine-tuning throughput and inference throughput against ONNX Runtime.
 * Options: {@code --epochs N} (default 4), {@code --skip-finetune} (no accuracy fine-tune),
 * {@code --throughput-only} (only the throughput figures: what {@code compare-bert.sh} repeats).
 */
public final class BertBench {
    private static final List<String> NAMES = List.of("negative", "positive");

    private BertBench() {}

    public static void main(String[] args) throws Exception {
        int epochs = 4;
        boolean fineTune = true;
        boolean throughputOnly = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--epochs")) {
                epochs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--skip-finetune")) {
                fineTune = false;
            } else if (args[i].equals("--throughput-only")) {
                throughputOnly = true;
            }
        }
        PretrainedBert model = PretrainedBert.MINI_LM_L6_V2;
        List<LabeledText> imdb = SentimentSentences.load(SentimentSentences.Source.IMDB);
        TextSplit split = TextSplit.stratified(imdb, 0.7, 0.15, 42);
        if (!throughputOnly) {
            List<String> sentences = imdb.subList(0, 16).stream().map(LabeledText::text).toList();
            System.out.printf("parity_max_abs_diff=%.3g%n", ParityCheck.maxAbsDifference(model, sentences));
            System.out.println("split: " + split);
            BagOfWordsClassifier bow = new BagOfWordsClassifier(model.tokenizer()::tokenize).fit(split.train());
            System.out.printf("bow_test_accuracy=%.3f%n", bow.evaluate(split.test()).accuracy());
        }

        if (fineTune && !throughputOnly) {
            try (BertTextClassifier classifier = BertTextClassifier.pretrained(model, NAMES, Pooling.MEAN, 64)) {
                FineTuning settings = FineTuning.builder().epochs(epochs).batchSize(32).learningRate(1e-4f).build();
                History run = classifier.fineTune(split.train(), split.validation(), settings);
                System.out.println("validation accuracy per epoch: " + run.validationAccuracies());
                ConfusionMatrix report = classifier.evaluate(split.test());
                System.out.printf("finetune_test_accuracy=%.3f%n", report.accuracy());
                System.out.printf("finetune_test_macro_f1=%.3f%n", report.macroF1());
                System.out.println(report.report());
            }
        }

        // Throughput: every batch padded to 64 tokens, 32 sequences. Timed as the PyTorch peer times
        // itself: one optimizer, a first step that is not timed (it allocates AdamW's two moment
        // arrays per parameter, 180 MB for MiniLM, and touches them for the first time), then 4 steps.
        List<LabeledText> timing = new ArrayList<>(split.train().subList(0, 32 * 5));
        try (BertTextClassifier classifier = BertTextClassifier.pretrained(model, NAMES, Pooling.MEAN, 64)) {
            FineTuning fixed = FineTuning.builder().epochs(1).batchSize(32).padToMaxLength(true).build();
            classifier.fineTuning(timing.subList(0, 32), List.of(), fixed).quiet().run(); // compiles the graph
            History run = classifier.fineTuning(timing, List.of(), fixed).quiet().run();
            System.out.printf("finetune_sequences_per_second=%.1f%n", run.itemsPerSecond(1));
            // What this bench printed before it timed like the peer: the first step counted too.
            System.out.printf("finetune_sequences_per_second_first_step_included=%.1f%n", run.itemsPerSecond(0));
        }
        TokenBatch batch = model.tokenizer().batchFixed(timing.subList(0, 32).stream().map(LabeledText::text).toList(), 64);
        int rounds = 8;
        try (NDManager manager = NDManager.newBaseManager()) {
            BertEncoder encoder = model.loadEncoder(manager);
            System.out.printf("inference_sequences_per_second=%.1f%n",
                    32 * rounds / BertThroughput.inferenceSeconds(encoder, manager, batch, rounds));
            if (!throughputOnly) {
                encoder.setFastPath(false);
                System.out.printf("inference_sequences_per_second_op_by_op=%.1f%n",
                        32 * rounds / BertThroughput.inferenceSeconds(encoder, manager, batch, rounds));
            }
        }
        try (OnnxRuntimeReference ort = OnnxRuntimeReference.of(model)) {
            double seconds = BertThroughput.time(rounds, () -> ort.lastHiddenState(batch));
            System.out.printf("inference_sequences_per_second_onnxruntime=%.1f%n", 32 * rounds / seconds);
        }
    }

}
