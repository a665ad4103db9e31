package org.deepbrew.nlp.tokenizer;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Tokenized texts padded to one length: what a BERT encoder takes as input.
 *
 * @param ids token ids, [batch][length], padded with the [PAD] id
 * @param typeIds token-type (segment) ids, [batch][length]
 * @param attentionMask 1 for real tokens, 0 for padding, [batch][length]
 */
public record TokenBatch(int[][] ids, int[][] typeIds, int[][] attentionMask) {

    public int size() {
        return ids.length;
    }

    /** The padded length. */
    public int length() {
        return ids.length == 0 ? 0 : ids[0].length;
    }

    /** The three arrays as int32 NDArrays (token ids, token types, attention mask), in that order. */
    public NDList toNDList(NDManager manager) {
        return new NDList(manager.create(ids), manager.create(typeIds), manager.create(attentionMask));
    }
}
