package org.deepbrew.deploy;

import java.util.List;
import org.deepbrew.nlp.bert.BertTextClassifier;

/**
 * A text classifier as a deployment sees it: texts in, class probabilities out, whatever runs it
 * (DJL on MXNet, ONNX Runtime in fp32 or int8, a distilled or pruned student).
 *
 * <p>The server, the load generator and the benchmarks talk only to this interface, so every variant
 * of a model is measured the same way. Implementations need not be thread-safe: a server calls
 * {@link #probabilities} from one worker thread per model.
 */
public interface TextModel extends AutoCloseable {

    /** The name a server publishes the model under, such as {@code sentiment-int8}. */
    String name();

    /** The class names, in the order of each probability row. */
    List<String> classNames();

    /** The longest input, in tokens, the model reads; longer texts are truncated to it. */
    int maxLength();

    /** Class probabilities of each text, [text][class]. */
    float[][] probabilities(List<String> texts);

    /** Releases native memory; the default does nothing. */
    @Override
    default void close() {
    }

    /** The fine-tuned DJL classifier behind this interface; closing the view leaves the classifier open. */
    static TextModel of(String name, BertTextClassifier classifier) {
        return new TextModel() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> classNames() {
                return classifier.classNames();
            }

            @Override
            public int maxLength() {
                return classifier.maxLength();
            }

            @Override
            public float[][] probabilities(List<String> texts) {
                return classifier.probabilities(texts);
            }
        };
    }
}
