package org.deepbrew.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Nearest-neighbour search over texts by cosine similarity of their embeddings: the core of
 * semantic search (find the documents closest in meaning to a query) and of intent matching
 * (answer with the label of the closest example). Every vector is compared with the query, which
 * is exact and fast enough for tens of thousands of texts.
 *
 * <pre>{@code
 * SemanticIndex faq = SemanticIndex.of(encoder, examples, intents);
 * faq.search("my parcel never came", 3);   // the 3 closest examples, with scores
 * faq.nearestLabel("my parcel never came"); // the intent of the closest one
 * }</pre>
 */
public final class SemanticIndex {
    private final TextEmbedding embedding;
    private final List<String> texts;
    private final List<String> labels;
    private final float[][] vectors; // unit length, so a dot product is a cosine

    private SemanticIndex(TextEmbedding embedding, List<String> texts, List<String> labels) {
        this.embedding = embedding;
        this.texts = List.copyOf(texts);
        this.labels = labels == null ? null : List.copyOf(labels);
        this.vectors = embedding.embed(this.texts);
        if (vectors.length != texts.size()) {
            throw new IllegalStateException("the embedding returned " + vectors.length + " vectors for "
                    + texts.size() + " texts");
        }
        for (float[] v : vectors) {
            normalise(v);
        }
    }

    /** An index of {@code texts}, embedded once now. */
    public static SemanticIndex of(TextEmbedding embedding, List<String> texts) {
        return of(embedding, texts, null);
    }

    /** An index of {@code texts} with one label each (an intent, a source, a class), or null for none. */
    public static SemanticIndex of(TextEmbedding embedding, List<String> texts, List<String> labels) {
        Objects.requireNonNull(embedding, "embedding");
        Objects.requireNonNull(texts, "texts");
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("nothing to index");
        }
        if (labels != null && labels.size() != texts.size()) {
            throw new IllegalArgumentException("got " + labels.size() + " labels for " + texts.size() + " texts");
        }
        return new SemanticIndex(embedding, texts, labels);
    }

    /** One search result: the item's position in the index, its text, its label (null without labels) and cosine. */
    public record Match(int index, String text, String label, double score) {}

    public int size() {
        return texts.size();
    }

    public String text(int index) {
        return texts.get(index);
    }

    /** The label of item {@code index}; null for an index built without labels. */
    public String label(int index) {
        return labels == null ? null : labels.get(index);
    }

    /** A copy of item {@code index}'s unit-length vector. */
    public float[] vector(int index) {
        return vectors[index].clone();
    }

    /** The {@code k} items closest to {@code query}, best first. */
    public List<Match> search(String query, int k) {
        return search(embedding.embed(query), k, -1);
    }

    /** For each query, its {@code k} closest items; the queries are embedded together (faster). */
    public List<List<Match>> search(List<String> queries, int k) {
        float[][] q = embedding.embed(queries);
        List<List<Match>> out = new ArrayList<>(q.length);
        for (float[] v : q) {
            out.add(search(v, k, -1));
        }
        return out;
    }

    /** The {@code k} items closest to item {@code index}, the item itself left out. */
    public List<Match> neighbours(int index, int k) {
        return search(vectors[index], k, index);
    }

    /**
     * The share of items whose nearest other item has the same label: a one-nearest-neighbour
     * classifier scored by leaving each item out in turn. It measures how well the embedding
     * groups texts by their labels, with no training.
     */
    public double leaveOneOutAccuracy() {
        if (labels == null) {
            throw new IllegalStateException("this index was built without labels");
        }
        if (size() < 2) {
            throw new IllegalStateException("leaving one out needs at least 2 items");
        }
        int right = 0;
        for (int i = 0; i < size(); i++) {
            if (Objects.equals(neighbours(i, 1).get(0).label(), labels.get(i))) {
                right++;
            }
        }
        return (double) right / size();
    }

    /** The label of the item closest to {@code query}. */
    public String nearestLabel(String query) {
        if (labels == null) {
            throw new IllegalStateException("this index was built without labels");
        }
        return search(query, 1).get(0).label();
    }

    /** {@code query}'s {@code k} closest items as a table: rank, score, label (when there are labels), text. */
    public Table table(String query, int k) {
        List<Match> matches = search(query, k);
        IntColumn rank = IntColumn.create("rank");
        DoubleColumn score = DoubleColumn.create("cosine");
        StringColumn label = StringColumn.create("label");
        StringColumn text = StringColumn.create("text");
        for (int r = 0; r < matches.size(); r++) {
            Match m = matches.get(r);
            rank.append(r + 1);
            score.append(m.score());
            label.append(m.label() == null ? "" : m.label());
            text.append(m.text());
        }
        Table t = Table.create("closest to \"" + query + "\"", rank, score);
        if (labels != null) {
            t.addColumns(label);
        }
        return t.addColumns(text);
    }

    private List<Match> search(float[] query, int k, int skip) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (query.length != vectors[0].length) {
            throw new IllegalArgumentException("the query has " + query.length + " dimensions, the index "
                    + vectors[0].length);
        }
        float[] q = query.clone();
        normalise(q);
        int[] nonZero = sparseSupport(q);
        // A min-heap of the best k so far: one pass, O(n log k).
        PriorityQueue<Match> best = new PriorityQueue<>((a, b) -> Double.compare(a.score(), b.score()));
        for (int i = 0; i < vectors.length; i++) {
            if (i == skip) {
                continue;
            }
            double s = nonZero != null ? sparseDot(q, nonZero, vectors[i]) : dot(q, vectors[i]);
            if (best.size() < k) {
                best.add(match(i, s));
            } else if (s > best.peek().score()) {
                best.poll();
                best.add(match(i, s));
            }
        }
        Match[] sorted = best.toArray(new Match[0]);
        Arrays.sort(sorted, (a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                : Integer.compare(a.index(), b.index()));
        return List.of(sorted);
    }

    private Match match(int i, double score) {
        return new Match(i, texts.get(i), label(i), score);
    }

    /** The positions of {@code v}'s non-zero values when there are few (word-count vectors), else null. */
    private static int[] sparseSupport(float[] v) {
        int n = 0;
        for (float x : v) {
            if (x != 0) {
                n++;
            }
        }
        if (n > v.length / 8) {
            return null;
        }
        int[] at = new int[n];
        for (int i = 0, k = 0; i < v.length; i++) {
            if (v[i] != 0) {
                at[k++] = i;
            }
        }
        return at;
    }

    private static double sparseDot(float[] q, int[] nonZero, float[] v) {
        double s = 0;
        for (int i : nonZero) {
            s += (double) q[i] * v[i];
        }
        return s;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    private static void normalise(float[] v) {
        double ss = 0;
        for (float x : v) {
            ss += (double) x * x;
        }
        if (ss > 0) {
            float inv = (float) (1 / Math.sqrt(ss));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
    }
}
