package org.deepbrew.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.nlp.bert.BertEncoder;
import org.deepbrew.nlp.bert.BertTextClassifier;
import org.deepbrew.nlp.tokenizer.Batch;
import org.deepbrew.train.GradientClipping;
import org.deepbrew.train.OptimizerState;
import org.deepbrew.train.OptimizerStep;

/** The timed loops of {@link BertBench}. */
final class BertThroughput {
    private BertThroughput() {}

    /**
     * Sequences per second of fine-tuning {@code classifier} the way the project's training loop
     * does it: {@code trainer.forward}, the loss, backward, gradient clipping to norm 1, then an
     * AdamW update per parameter ({@code optimizer.update(id, weight, gradient)}, {@link OptimizerStep}).
     * One untimed warm-up batch, then every batch of {@code data}, each padded to {@code length}.
     */
    static double fineTuneWithOptimizerUpdate(BertTextClassifier classifier, List<LabeledText> data, int batchSize,
                                              int length) {
        Optimizer optimizer = Optimizer.adamW().optLearningRateTracker(ai.djl.training.tracker.Tracker.fixed(1e-4f))
                .optWeightDecays(0.01f).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer).optInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
        try (Trainer trainer = classifier.model().newTrainer(config)) {
            OptimizerStep step = new OptimizerStep(trainer, optimizer, classifier.block());
            Runnable[] batches = new Runnable[data.size() / batchSize];
            for (int i = 0; i < batches.length; i++) {
                List<LabeledText> part = data.subList(i * batchSize, (i + 1) * batchSize);
                batches[i] = () -> {
                    try (NDManager m = trainer.getManager().newSubManager()) {
                        Batch batch = classifier.tokenizer().batchFixed(part.stream().map(LabeledText::text).toList(), length);
                        NDArray labels = m.create(part.stream().mapToInt(LabeledText::label).toArray())
                                .toType(DataType.FLOAT32, false);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray loss = trainer.getLoss().evaluate(new NDList(labels), trainer.forward(batch.toNDList(m)));
                            gc.backward(loss);
                        }
                        GradientClipping.clipGlobalNorm(classifier.block(), 1.0);
                        step.apply();
                    }
                };
            }
            batches[0].run(); // warm-up
            long start = System.nanoTime();
            for (Runnable b : batches) {
                b.run();
            }
            return batches.length * batchSize / ((System.nanoTime() - start) / 1e9);
        } finally {
            OptimizerState.free(optimizer);
        }
    }

    /** Seconds for {@code rounds} inference passes of {@code encoder} on {@code batch}, after one warm-up. */
    static double inferenceSeconds(BertEncoder encoder, NDManager manager, Batch batch, int rounds) {
        ParameterStore store = new ParameterStore(manager, false);
        return time(rounds, () -> {
            try (NDManager m = manager.newSubManager()) {
                NDList out = encoder.forward(store, batch.toNDList(m), false);
                out.get(0).toFloatArray();
            }
        });
    }

    /** Seconds for {@code rounds} runs after one untimed warm-up run. */
    static double time(int rounds, Runnable work) {
        work.run();
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            work.run();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
