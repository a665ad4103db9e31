package org.deepbrew.business;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import org.deepbrew.models.Cnn;
import org.deepbrew.models.Mlp;
import org.deepbrew.nlp.bert.BertConfig;
import org.deepbrew.nlp.bert.BertEncoder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCostTest {
    private static final BertConfig BERT_BASE = new BertConfig(30522, 768, 12, 12, 3072, 512, 2, 1e-12f, 0.1f, true);

    @Test
    void mlpByHand() {
        // 784·256 + 256 + 256·10 + 10 = 203,530 parameters; 2 · (784·256 + 256·10) = 406,528 FLOPs.
        ModelCost c = ModelCost.of("mlp", Mlp.relu784x256x10(), new Shape(1, 28, 28));
        assertEquals(203_530, c.parameters());
        assertEquals(406_528, c.flopsPerExample());
        assertEquals(203_530L * 16, c.trainingMemoryBytes());
    }

    @Test
    void seedCnnByHand() {
        // 28 → conv 26 → pool 13 → conv 11 → pool 5 → conv 3: 3·3·64 = 576 features.
        // Parameters: 32·9 + 32 = 320; 64·32·9 + 64 = 18,496; 64·64·9 + 64 = 36,928; 576·64 + 64 = 36,928;
        // 64·10 + 10 = 650; total 93,322. FLOPs: 2·9·32·26² = 389,376; 2·32·9·64·11² = 4,460,544;
        // 2·64·9·64·3² = 663,552; 2·576·64 = 73,728; 2·64·10 = 1,280; total 5,588,480.
        ModelCost c = ModelCost.of("cnn", Cnn.conv32x64x64(10), new Shape(1, 28, 28));
        assertEquals(93_322, c.parameters());
        assertEquals(5_588_480, c.flopsPerExample());
    }

    @Test
    void publishedBertSizes() {
        // bert-base-uncased has 109,482,240 parameters and all-MiniLM-L6-v2 22,713,216 (pooler included),
        // the counts their model cards and the transformers library report.
        assertEquals(109_482_240, ModelCost.bert("base", BERT_BASE, 128).parameters());
        assertEquals(22_713_216, ModelCost.bert("minilm", BertConfig.MINI_LM_L6, 128).parameters());
        // Forward FLOPs per token ≈ 2 × non-embedding parameters for short sequences (Kaplan et al.).
        ModelCost one = ModelCost.bert("base", BERT_BASE, 1);
        long nonEmbedding = 12L * (4 * 768 * 768 + 2 * 768 * 3072);
        assertEquals(2 * nonEmbedding + 12 * 4 * 768 + 2 * 768 * 768, one.flopsPerExample());
        assertEquals(6.0 * 109_482_240 * 1e9, ModelCost.bert("base", BERT_BASE, 128).trainingFlops(1e9), 1);
    }

    @Test
    void bertFormulaMatchesTheToolkitsEncoder() {
        for (boolean pooler : new boolean[] {false, true}) {
            BertConfig small = new BertConfig(500, 64, 2, 4, 256, 32, 2, 1e-12f, 0.1f, pooler);
            BertEncoder encoder = new BertEncoder(small);
            long counted = 0;
            try (NDManager m = NDManager.newBaseManager()) {
                encoder.initialize(m, DataType.FLOAT32, BertEncoder.inputShapes(1, 8));
                for (Pair<String, Parameter> p : encoder.getParameters()) {
                    counted += p.getValue().getArray().size();
                }
            }
            assertEquals(counted, ModelCost.bert("small", small, 8).parameters(), "pooler " + pooler);
        }
    }

    @Test
    void unknownLayersAreRefusedNotIgnored() {
        SequentialBlock withNorm = new SequentialBlock().add(BatchNorm.builder().build());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelCost.of("bn", withNorm, new Shape(3, 4, 4)))
                .getMessage().contains("BatchNorm"));
        assertThrows(IllegalArgumentException.class, () -> ModelCost.bert("x", BERT_BASE, 513));
    }
}
