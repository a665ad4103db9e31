package org.deepbrew.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

import java.util.Optional;

/**
 * A BERT-style encoder compiled by the engine into one graph, forward and backward. It owns no
 * weights: it reads the blocks' parameters from the caller's store on each call, so loading,
 * saving and training the blocks work as before, and the gradients land on their arrays.
 */
public interface EncoderGraph extends AutoCloseable {
    /**
     * Added to the attention score of every padded key, by the graph and by the blocks alike, so the
     * two paths compute the same softmax: its exponent underflows to exactly 0 in float32.
     */
    float MASKED_SCORE = -1e9f;

    /** The encoder's sizes, which fix the graph. */
    record Spec(int vocabularySize, int hiddenSize, int layers, int heads, int intermediateSize,
                int maxPositions, int typeVocabularySize, float layerNormEpsilon, float dropout,
                boolean pooler) {
        int headSize() {
            return hiddenSize / heads;
        }
    }

    /**
     * {hidden states, pooled} for token ids, token types and attention mask (int32, batch x length),
     * with dropout when {@code training}; empty for an input the graph does not take (then run the
     * blocks), such as a mask that is not (batch, length).
     */
    Optional<NDList> forward(ParameterStore ps, NDArray ids, NDArray types, NDArray mask, boolean training);

    @Override
    void close();
}
