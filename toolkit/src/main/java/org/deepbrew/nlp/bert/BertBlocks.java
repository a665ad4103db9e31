package org.deepbrew.nlp.bert;

import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;

import java.util.Map;

/**
 * The small blocks every part of BERT is made of, configured one way, and the names the original
 * checkpoint gives their parameters.
 */
final class BertBlocks {
    private BertBlocks() {}

    /** LayerNorm over the hidden axis of (batch, length, hidden), with the model's epsilon. */
    static LayerNorm layerNorm(BertConfig config) {
        return LayerNorm.builder().axis(2).optEpsilon(config.layerNormEpsilon()).build();
    }

    /** Dropout at the model's training rate. */
    static Dropout dropout(BertConfig config) {
        return Dropout.builder().optRate(config.dropout()).build();
    }

    /** A dense layer with bias onto {@code units} outputs. */
    static Linear dense(long units) {
        return Linear.builder().setUnits(units).build();
    }

    /** Puts a dense layer's parameters under {@code prefix + "weight"} and {@code prefix + "bias"}. */
    static void putDense(Map<String, Parameter> m, String prefix, Linear linear) {
        m.put(prefix + "weight", linear.getParameters().get("weight"));
        m.put(prefix + "bias", linear.getParameters().get("bias"));
    }

    /** Puts a LayerNorm's gamma and beta under the checkpoint's {@code weight} and {@code bias}. */
    static void putNorm(Map<String, Parameter> m, String prefix, LayerNorm norm) {
        m.put(prefix + "weight", norm.getParameters().get("gamma"));
        m.put(prefix + "bias", norm.getParameters().get("beta"));
    }
}
