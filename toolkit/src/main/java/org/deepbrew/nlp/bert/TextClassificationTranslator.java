package org.deepbrew.nlp.bert;

import ai.djl.modality.Classifications;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.List;
import org.deepbrew.nlp.tokenizer.TokenBatch;
import org.deepbrew.nlp.tokenizer.BertTokenizer;

/** Turns raw text into BERT inputs and logits into class names with probabilities. */
public final class TextClassificationTranslator implements Translator<String, Classifications> {
    private final BertTokenizer tokenizer;
    private final int maxLength;
    private final List<String> classNames;

    public TextClassificationTranslator(BertTokenizer tokenizer, int maxLength, List<String> classNames) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.classNames = List.copyOf(classNames);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, String input) {
        TokenBatch batch = tokenizer.batch(List.of(input == null ? "" : input), maxLength);
        return batch.toNDList(ctx.getNDManager());
    }

    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        NDArray probabilities = list.singletonOrThrow().softmax(-1).squeeze(0);
        return new Classifications(classNames, probabilities);
    }

    /** Each input is already a batch of one; predictor batching is not used. */
    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
