package org.deepbrew.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deepbrew.nlp.baseline.TfIdfEmbedding;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SemanticIndexTest {
    /** Texts "x,y" as the vector (x, y): the geometry is known exactly. */
    private static final TextEmbedding POINTS = new TextEmbedding() {
        @Override
        public float[][] embed(List<String> texts) {
            return texts.stream().map(t -> {
                String[] p = t.split(",");
                return new float[] {Float.parseFloat(p[0]), Float.parseFloat(p[1])};
            }).toArray(float[][]::new);
        }

        @Override
        public int dimension() {
            return 2;
        }
    };

    @Test
    void ranksByCosineNotByLength() {
        // (10, 0) is far away in distance from (1, 0.1) but points the same way.
        SemanticIndex index = SemanticIndex.of(POINTS, List.of("10,0", "0,1", "1,1", "-1,0"), List.of("a", "b", "c", "d"));
        List<SemanticIndex.Match> top = index.search("1,0.1", 4);
        assertEquals(List.of(0, 2, 1, 3), top.stream().map(SemanticIndex.Match::index).toList());
        assertEquals(1 / Math.sqrt(1.01), top.get(0).score(), 1e-6);
        assertEquals(-1 / Math.sqrt(1.01), top.get(3).score(), 1e-6);
        assertEquals("a", top.get(0).label());
        assertEquals("a", index.nearestLabel("3,0"));
        assertEquals(2, index.search("1,0.1", 2).size());
    }

    @Test
    void neighboursLeaveTheItemOut() {
        SemanticIndex index = SemanticIndex.of(POINTS, List.of("1,0", "1,0.2", "0,1"));
        assertEquals(1, index.neighbours(0, 1).get(0).index());
        assertEquals(2, index.neighbours(0, 5).size());
        assertNull(index.label(0));
        assertThrows(IllegalStateException.class, () -> index.nearestLabel("1,0"));
    }

    @Test
    void leaveOneOutAccuracyCountsNearestOthersWithTheSameLabel() {
        // Two tight pairs and a fifth point, labelled north, wedged between the east pair: items 0
        // and 1 find it first (wrong), it finds item 1 (wrong); only the north pair is right.
        SemanticIndex index = SemanticIndex.of(POINTS, List.of("1,0", "1,0.1", "0,1", "0.1,1", "1,0.05"),
                List.of("east", "east", "north", "north", "north"));
        assertEquals(2 / 5.0, index.leaveOneOutAccuracy(), 1e-12);
        assertThrows(IllegalStateException.class, () -> SemanticIndex.of(POINTS, List.of("1,0", "0,1")).leaveOneOutAccuracy());
    }

    @Test
    void sparseAndDenseVectorsScoreAlike() {
        // 1 non-zero of 16: the sparse path; the same cosine as the dense formula.
        TextEmbedding wide = new TextEmbedding() {
            public float[][] embed(List<String> texts) {
                return texts.stream().map(t -> {
                    float[] v = new float[16];
                    for (String p : t.split(",")) {
                        String[] kv = p.split(":");
                        v[Integer.parseInt(kv[0])] = Float.parseFloat(kv[1]);
                    }
                    return v;
                }).toArray(float[][]::new);
            }

            public int dimension() {
                return 16;
            }
        };
        SemanticIndex index = SemanticIndex.of(wide, List.of("0:1,1:1", "1:2,5:1,7:1,9:1"));
        float[] a = wide.embed("1:3");
        List<SemanticIndex.Match> m = index.search("1:3", 2);
        assertEquals(1, m.get(0).index()); // 2 / sqrt(7) beats 1 / sqrt(2)
        assertEquals(TextEmbedding.cosine(a, wide.embed("1:2,5:1,7:1,9:1")), m.get(0).score(), 1e-6);
        assertEquals(TextEmbedding.cosine(a, wide.embed("0:1,1:1")), m.get(1).score(), 1e-6);
    }

    @Test
    void tableListsRankScoreLabelAndText() {
        SemanticIndex index = SemanticIndex.of(POINTS, List.of("1,0", "0,1"), List.of("east", "north"));
        Table t = index.table("0,2", 2);
        assertEquals(List.of("rank", "cosine", "label", "text"), t.columnNames());
        assertEquals("north", t.stringColumn("label").get(0));
        assertEquals(1.0, t.doubleColumn("cosine").get(0), 1e-6);
    }

    @Test
    void rejectsMismatchedInput() {
        assertThrows(IllegalArgumentException.class, () -> SemanticIndex.of(POINTS, List.of("1,0"), List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> SemanticIndex.of(POINTS, List.of()));
        SemanticIndex index = SemanticIndex.of(POINTS, List.of("1,0"));
        assertThrows(IllegalArgumentException.class, () -> index.search("1,0", 0));
    }

    @Test
    void tfIdfMatchesSharedRareWordsOnly() {
        List<String> corpus = List.of("the battery died", "the screen is great", "the battery lasts all day",
                "the delivery was late");
        TfIdfEmbedding tfIdf = TfIdfEmbedding.fit(corpus);
        SemanticIndex index = SemanticIndex.of(tfIdf, corpus);
        List<SemanticIndex.Match> top = index.search("Battery?", 2);
        assertTrue(top.stream().allMatch(m -> m.text().contains("battery")));
        // Fewer other words dilute the shared one less.
        assertEquals("the battery died", top.get(0).text());
        // "charge" is not in the vocabulary: the lexical baseline has nothing to go on.
        assertEquals(0.0, index.search("charge", 1).get(0).score(), 1e-9);
        // "the" is in every text, so it weighs least.
        float[] the = tfIdf.embed("the");
        float[] battery = tfIdf.embed("battery");
        assertTrue(max(the) < max(battery));
        assertEquals(List.of("don't", "stop", "2", "me"), TfIdfEmbedding.words("Don't STOP, 2 me!"));
        assertEquals(12, TfIdfEmbedding.fit(corpus, 1).dimension());
        assertEquals(2, TfIdfEmbedding.fit(corpus, 2).dimension()); // "the", "battery"
    }

    private static float max(float[] v) {
        float m = 0;
        for (float x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
