package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;

import org.deepbrew.train.GradientClipping;

/** One optimizer step of BERT training, the same for fine-tuning and pretraining. */
final class GradientStep {
    private GradientStep() {}

    /**
     * Computes the trainer's loss on {@code inputs} against {@code labels}, back-propagates it,
     * clips the gradients of {@code block} to global norm {@code clipNorm} (0: no clipping) and
     * updates the parameters.
     *
     * @return the loss before the update
     */
    static float take(Trainer trainer, NDList inputs, NDList labels, Block block, float clipNorm) {
        float loss;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray value = trainer.getLoss().evaluate(labels, trainer.forward(inputs));
            loss = value.getFloat();
            collector.backward(value);
        }
        if (clipNorm > 0) {
            GradientClipping.clipGlobalNorm(block, clipNorm);
        }
        trainer.step();
        return loss;
    }
}
