package org.deepbrew.bench;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.deepbrew.nlp.bert.BertEncoder;
import org.deepbrew.nlp.tokenizer.TokenBatch;

/** The timed inference loops of {@link BertBench}; fine-tuning is timed through {@code Fit} itself. */
final class BertThroughput {
    private BertThroughput() {}

    /** Seconds for {@code rounds} inference passes of {@code encoder} on {@code batch}, after one warm-up. */
    static double inferenceSeconds(BertEncoder encoder, NDManager manager, TokenBatch batch, int rounds) {
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
