package org.deepbrew.nlp.tokenizer;

import java.util.List;

/**
 * One tokenized text (or sentence pair), with special tokens, before padding.
 *
 * @param tokens the WordPiece tokens, {@code [CLS] … [SEP]}
 * @param ids their vocabulary ids
 * @param typeIds 0 for the first segment, 1 for the second of a pair
 */
public record TokenizedText(List<String> tokens, int[] ids, int[] typeIds) {
    /** Number of tokens, special ones included. */
    public int length() {
        return ids.length;
    }
}
