package org.deepbrew.nlp.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.nlp.tokenizer.BertTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BertBatchesTest {
    static BertTokenizer tokenizer;
    static final List<LabeledText> TEXTS = List.of(new LabeledText("good", 1), new LabeledText("not good at all", 0),
            new LabeledText("bad", 0), new LabeledText("a fine film", 1), new LabeledText("awful", 0));

    @BeforeAll
    static void load() {
        tokenizer = PretrainedBert.MINI_LM_L6_V2.tokenizer();
    }

    /** The first token id after [CLS] of every text, in the order the epoch visits them, and each batch's length. */
    private static List<int[]> epoch(BertBatches data, NDManager manager, List<Long> lengths) {
        List<int[]> seen = new ArrayList<>();
        for (Batch b : data.getData(manager)) {
            try (b) {
                NDList x = b.getData();
                assertEquals(3, x.size(), "ids, types, mask");
                lengths.add(x.get(0).getShape().get(1));
                int[] ids = x.get(0).toIntArray();
                float[] labels = b.getLabels().head().toFloatArray();
                int length = (int) x.get(0).getShape().get(1);
                for (int i = 0; i < b.getSize(); i++) {
                    seen.add(new int[] {ids[i * length + 1], (int) labels[i]});
                }
            }
        }
        return seen;
    }

    @Test
    void classificationBatchesPadToTheirLongestTextAndCarryTheLabels() {
        try (NDManager manager = NDManager.newBaseManager()) {
            BertBatches data = BertBatches.classification(tokenizer, TEXTS, 16).batchSize(2).shuffle(false).build();
            assertEquals(3, data.batchesPerEpoch());
            List<Long> lengths = new ArrayList<>();
            List<int[]> seen = epoch(data, manager, lengths);
            // "good" + "not good at all" -> 6 tokens with [CLS]/[SEP]; "bad" + "a fine film" -> 5; "awful" -> 3.
            assertEquals(List.of(6L, 5L, 3L), lengths);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertEquals(tokenizer.encode(TEXTS.get(i).text(), 16).ids()[1], seen.get(i)[0]);
                assertEquals(TEXTS.get(i).label(), seen.get(i)[1], "label of " + TEXTS.get(i));
            }
        }
    }

    @Test
    void aSeededShuffleRepeatsAfterRewindAndChangesEveryEpoch() {
        try (NDManager manager = NDManager.newBaseManager()) {
            List<LabeledText> many = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                many.add(new LabeledText("text number " + i, i % 2));
            }
            BertBatches data = BertBatches.classification(tokenizer, many, 16).batchSize(8).build();
            data.seedIfUnset(5);
            List<int[]> first = epoch(data, manager, new ArrayList<>());
            List<int[]> second = epoch(data, manager, new ArrayList<>());
            data.rewind();
            List<int[]> again = epoch(data, manager, new ArrayList<>());
            assertEquals(40, first.size());
            assertArrayEquals(first.stream().flatMapToInt(java.util.Arrays::stream).toArray(),
                    again.stream().flatMapToInt(java.util.Arrays::stream).toArray(), "same seed, same order");
            assertNotEquals(first.stream().map(a -> a[1]).toList(), second.stream().map(a -> a[1]).toList(),
                    "a new order every epoch");
        }
    }

    @Test
    void maskedLmBatchesHideTokensAndKeepTheOriginals() {
        Masking masking = new Masking(0.15, tokenizer.maskId(), tokenizer.vocabularySize(),
                Set.of(tokenizer.clsId(), tokenizer.sepId(), tokenizer.padId()));
        List<String> sentences = List.of("the film was great and the actors were great", "bad service bad food");
        try (NDManager manager = NDManager.newBaseManager()) {
            BertBatches data = BertBatches.maskedLm(tokenizer, sentences, 32, masking).batchSize(2).seed(3).build();
            for (Batch b : data.getData(manager)) {
                try (b) {
                    assertEquals(2, b.getLabels().size(), "original ids and the positions to predict");
                    int[] seen = b.getData().get(0).toIntArray();
                    int[] original = b.getLabels().get(0).toIntArray();
                    int[] chosen = b.getLabels().get(1).toIntArray();
                    assertEquals(seen.length, chosen.length);
                    int predicted = 0;
                    for (int i = 0; i < seen.length; i++) {
                        predicted += chosen[i];
                        if (chosen[i] == 0) {
                            assertEquals(original[i], seen[i], "an unchosen token is shown as it is");
                        }
                    }
                    assertTrue(predicted >= 2, "at least one position per sentence, got " + predicted);
                }
            }
        }
    }

    @Test
    void noTextsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BertBatches.classification(tokenizer, List.of(), 16));
        assertTrue(e.getMessage().contains("no texts"), e.getMessage());
    }
}
