package org.deepbrew.deploy.prune;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deepbrew.nlp.bert.BertConfig;
import org.deepbrew.nlp.bert.BertEncoder;
import org.deepbrew.nlp.bert.BertTextClassifier;

/**
 * Structured pruning of a BERT classifier's feed-forward networks: in every transformer layer only
 * the {@code keep} most important neurons of the intermediate dense layer survive, and the result is
 * a smaller dense model (its {@link BertConfig#intermediateSize()} is {@code keep}) that really
 * computes less. The feed-forward pair holds two thirds of a layer's weights and most of its
 * arithmetic at short sequence lengths, so this is where removal buys speed.
 *
 * <p>A neuron's importance is the L1 norm of its outgoing weights (its column of the layer's output
 * dense): a neuron whose outgoing weights are zero adds nothing to the layer's output, whatever its
 * activation, so removing it changes no output. Pruning more than that costs accuracy, which a short
 * fine-tune of the pruned model recovers in part.
 *
 * <pre>{@code
 * try (BertTextClassifier pruned = FeedForwardPruning.prune(classifier, 768)) {
 *     pruned.fineTune(train, validation, FineTuning.builder().epochs(1).build());
 * }
 * }</pre>
 */
public final class FeedForwardPruning {
    private static final String INTERMEDIATE = "intermediate.dense.";
    private static final String OUTPUT = "output.dense.";

    private FeedForwardPruning() {}

    /**
     * A new classifier (its own {@link Model}; close it) equal to {@code source} except that each
     * layer keeps its {@code keep} feed-forward neurons with the largest outgoing L1 norm, in their
     * original order. The source is left as it was.
     */
    public static BertTextClassifier prune(BertTextClassifier source, int keep) {
        BertEncoder sourceEncoder = source.block().encoder();
        BertConfig config = sourceEncoder.config();
        if (keep < 1 || keep > config.intermediateSize()) {
            throw new IllegalArgumentException("keep must be in 1.." + config.intermediateSize() + ", got " + keep);
        }
        Map<String, Parameter> named = sourceEncoder.namedParameters();
        // How each feed-forward parameter of the source shrinks; every other parameter is copied whole.
        Map<Parameter, Function<NDArray, NDArray>> shrink = new IdentityHashMap<>();
        for (int layer = 0; layer < config.layers(); layer++) {
            String prefix = "encoder.layer." + layer + ".";
            int[] kept = mostImportant(named.get(prefix + OUTPUT + "weight").getArray(), keep);
            shrink.put(named.get(prefix + INTERMEDIATE + "weight"), w -> rows(w, kept));  // [intermediate, hidden]
            shrink.put(named.get(prefix + INTERMEDIATE + "bias"), b -> rows(b, kept));    // [intermediate]
            shrink.put(named.get(prefix + OUTPUT + "weight"),                             // [hidden, intermediate]
                    w -> rows(w.transpose(), kept).transpose());
        }

        Model model = Model.newInstance(source.model().getName());
        BertEncoder encoder = new BertEncoder(config.withIntermediateSize(keep));
        encoder.initialize(model.getNDManager(), DataType.FLOAT32, BertEncoder.inputShapes(1, 8));
        BertTextClassifier pruned = BertTextClassifier.onEncoder(encoder, model, source.tokenizer(),
                source.classNames(), source.block().pooling(), source.maxLength());
        List<Pair<String, Parameter>> from = source.block().getParameters().stream().toList();
        List<Pair<String, Parameter>> to = pruned.block().getParameters().stream().toList();
        try (NDManager scratch = NDManager.newBaseManager()) {
            for (int i = 0; i < from.size(); i++) {
                Parameter p = from.get(i).getValue();
                NDArray value = p.getArray();
                Function<NDArray, NDArray> f = shrink.get(p);
                if (f != null) {
                    NDArray copy = scratch.create(value.toFloatArray(), value.getShape());
                    value = f.apply(copy);
                }
                copy(from.get(i).getKey(), value, to.get(i).getValue().getArray());
            }
        }
        return pruned;
    }

    /** Indices of the {@code keep} neurons whose outgoing weights (columns of {@code [hidden, n]}) have the largest L1 norm. */
    static int[] mostImportant(NDArray outputWeight, int keep) {
        return NeuronPruning.mostImportant(outputWeight, keep);
    }

    private static NDArray rows(NDArray a, int[] kept) {
        return a.get(a.getManager().create(kept));
    }

    private static void copy(String name, NDArray from, NDArray to) {
        if (!from.getShape().equals(to.getShape())) {
            throw new IllegalStateException("parameter " + name + ": shape " + from.getShape() + " does not fit "
                    + to.getShape());
        }
        to.set(FloatBuffer.wrap(from.toFloatArray()));
    }
}
