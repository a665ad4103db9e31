package org.deepbrew.nlp.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deepbrew.nlp.SemanticIndex;
import org.deepbrew.nlp.TextEmbedding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MiniLM sentence embeddings: unit length, meaning over wording, the same vector however a text is batched. */
class SentenceEncoderTest {
    private static SentenceEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = SentenceEncoder.builder(PretrainedBert.MINI_LM_L6_V2).batchSize(3).build();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void oneUnitVectorOfTheHiddenSizePerText() {
        List<String> texts = List.of("ok", "The battery lasts two days.", "Where can I change my delivery address?",
                "A much longer sentence, with commas, numbers like 42 and a few rare words such as photosynthesis.");
        float[][] v = encoder.embed(texts);
        assertEquals(texts.size(), v.length);
        assertEquals(384, encoder.dimension());
        assertEquals(Pooling.MEAN, encoder.pooling());
        for (float[] row : v) {
            assertEquals(384, row.length);
            double norm = 0;
            for (float x : row) {
                norm += x * x;
            }
            assertEquals(1.0, Math.sqrt(norm), 1e-4);
        }
    }

    @Test
    void paraphrasesAreCloserThanUnrelatedSentences() {
        float[][] v = encoder.embed(List.of(
                "My package has not arrived yet.",
                "The parcel I ordered still hasn't been delivered.",
                "The soup at this restaurant was far too salty.",
                "How do I reset my password?",
                "I forgot my login credentials and cannot sign in."));
        double parcel = TextEmbedding.cosine(v[0], v[1]);
        double password = TextEmbedding.cosine(v[3], v[4]);
        assertTrue(parcel > 0.5, "paraphrase cosine " + parcel);
        assertTrue(password > 0.4, "paraphrase cosine " + password);
        for (int other : new int[] {2, 3, 4}) {
            assertTrue(parcel > TextEmbedding.cosine(v[0], v[other]) + 0.2,
                    "parcel paraphrase " + parcel + " vs sentence " + other + " " + TextEmbedding.cosine(v[0], v[other]));
        }
        assertTrue(password > TextEmbedding.cosine(v[3], v[2]) + 0.2);
    }

    @Test
    void batchingAndPaddingDoNotChangeAnEmbedding() {
        String text = "The screen cracked after one week.";
        float[] alone = encoder.embed(text);
        // Batched with longer texts, the sentence is padded: the mean must ignore the padding.
        float[][] batched = encoder.embed(List.of("A considerably longer sentence that forces plenty of padding onto the short one.",
                text, "ok"));
        assertEquals(1.0, TextEmbedding.cosine(alone, batched[1]), 1e-5);
    }

    @Test
    void eachSentenceIsItsOwnNearestNeighbourAndParaphrasesComeNext() {
        List<String> texts = List.of("I want my money back for this broken blender.",
                "Please refund the toaster, it stopped working.",
                "What time do you open on Sundays?",
                "Are you open at the weekend?",
                "The film's ending made me cry.");
        SemanticIndex index = SemanticIndex.of(encoder, texts);
        for (int i = 0; i < texts.size(); i++) {
            SemanticIndex.Match top = index.search(texts.get(i), 1).get(0);
            assertEquals(i, top.index());
            assertEquals(1.0, top.score(), 1e-4);
        }
        assertEquals(1, index.neighbours(0, 1).get(0).index());
        assertEquals(3, index.neighbours(2, 1).get(0).index());
        assertEquals(2, index.search("when does the shop open?", 1).get(0).index());
    }
}
