package org.deepbrew.nlp.baseline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.deepbrew.nlp.TextEmbedding;

/**
 * The lexical baseline for semantic search: a text is the words it contains, each weighted by how
 * rare it is in the corpus (TF-IDF), so two texts are close when they share rare words. It finds
 * "battery" by "battery" but not by "charge", which is the gap a sentence encoder should close.
 *
 * <p>Words are lower-cased runs of letters, digits and apostrophes; the vocabulary and the
 * inverse document frequencies, {@code ln((1 + N) / (1 + df)) + 1}, come from the corpus given to
 * {@link #fit}. Words outside it are ignored.
 */
public final class TfIdfEmbedding implements TextEmbedding {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

    private final Map<String, Integer> vocabulary;
    private final float[] idf;

    private TfIdfEmbedding(Map<String, Integer> vocabulary, float[] idf) {
        this.vocabulary = vocabulary;
        this.idf = idf;
    }

    /** Vocabulary and weights from {@code corpus}; every word found in it counts. */
    public static TfIdfEmbedding fit(List<String> corpus) {
        return fit(corpus, 1);
    }

    /** As {@link #fit(List)}, keeping only words found in at least {@code minDocuments} texts. */
    public static TfIdfEmbedding fit(List<String> corpus, int minDocuments) {
        Objects.requireNonNull(corpus, "corpus");
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("an empty corpus has no vocabulary");
        }
        Map<String, Integer> df = new LinkedHashMap<>();
        for (String text : corpus) {
            for (String w : new HashSet<>(words(text))) {
                df.merge(w, 1, Integer::sum);
            }
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        List<Float> weights = new ArrayList<>();
        int n = corpus.size();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() >= minDocuments) {
                vocabulary.put(e.getKey(), vocabulary.size());
                weights.add((float) (Math.log((1.0 + n) / (1.0 + e.getValue())) + 1));
            }
        }
        if (vocabulary.isEmpty()) {
            throw new IllegalArgumentException("no word occurs in " + minDocuments + " or more texts");
        }
        float[] idf = new float[weights.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = weights.get(i);
        }
        return new TfIdfEmbedding(vocabulary, idf);
    }

    /** The words of {@code text} as this baseline sees them, in order. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** Whether {@code word} (lower case) is in the vocabulary. */
    public boolean knows(String word) {
        return vocabulary.containsKey(word);
    }

    @Override
    public int dimension() {
        return idf.length;
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            float[] v = new float[idf.length];
            for (String w : words(texts.get(i))) {
                Integer j = vocabulary.get(w);
                if (j != null) {
                    v[j] += idf[j];
                }
            }
            out[i] = v;
        }
        return out;
    }
}
