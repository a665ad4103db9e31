package org.deepbrew.nlp;

import java.util.List;

/**
 * Texts as vectors, one per text, such that texts with similar meaning (or, for a lexical
 * baseline, similar words) get vectors pointing the same way. {@link SemanticIndex} searches them
 * by cosine similarity.
 */
public interface TextEmbedding {
    /** One vector of {@link #dimension()} values per text, in input order. */
    float[][] embed(List<String> texts);

    /** The length of every vector. */
    int dimension();

    /** One text's vector. */
    default float[] embed(String text) {
        return embed(List.of(text))[0];
    }

    /** Cosine similarity of two vectors of equal length: 1 same direction, 0 unrelated; 0 when one is all zeros. */
    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
