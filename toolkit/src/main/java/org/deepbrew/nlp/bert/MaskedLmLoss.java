package org.deepbrew.nlp.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/** The masked-language-model loss as a DJL {@link Loss}: labels are (original ids, chosen positions). */
public final class MaskedLmLoss extends Loss {
    public MaskedLmLoss() {
        super("MaskedLmLoss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return MaskedLanguageModel.loss(predictions.head(), labels.get(0), labels.get(1));
    }
}
