package org.deepbrew.nlp.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.deepbrew.nlp.bert.PretrainedBert;
import org.junit.jupiter.api.Test;

class OnnxGraphTest {

    @Test
    void readsMiniLmInitializersAndNodes() {
        OnnxGraph g = PretrainedBert.MINI_LM_L6_V2.graph();
        // 5 embedding tensors + position ids, 10 named per layer × 6, 2 pooler, 6 anonymous per layer × 6.
        assertEquals(104, g.initializers().size());
        assertEquals(List.of("input_ids", "attention_mask", "token_type_ids"), g.inputs());
        assertArrayEquals(new long[] {30522, 384}, g.initializers().get("embeddings.word_embeddings.weight").dims());
        assertArrayEquals(new long[] {1536}, g.initializers().get("encoder.layer.5.intermediate.dense.bias").dims());
        assertEquals(48, g.nodes().stream().filter(n -> n.opType().equals("MatMul")).count());
        OnnxTensor word = g.initializers().get("embeddings.word_embeddings.weight");
        assertEquals(30522L * 384, word.floats().length);
        // The position ids are stored as int64 0, 1, 2, ...
        long[] positions = g.initializers().get("embeddings.position_ids").longs();
        assertEquals(511, positions[511]);
    }

    @Test
    void readsBgeSmallInitializers() {
        OnnxGraph g = PretrainedBert.BGE_SMALL_EN_V15.graph();
        assertEquals(197, g.initializers().size());
        assertEquals(List.of("last_hidden_state"), g.outputs());
        assertArrayEquals(new long[] {512, 384}, g.initializers().get("embeddings.position_embeddings.weight").dims());
        assertEquals(96, g.nodes().stream().filter(n -> n.opType().equals("MatMul")).count());
        long anonymous = g.initializers().keySet().stream().filter(k -> k.startsWith("onnx::MatMul")).count();
        assertEquals(12 * 6, anonymous);
    }

    @Test
    void rejectsBytesThatAreNotOnnx() {
        byte[] garbage = "this is plain text, not a protobuf model".getBytes();
        Exception e = assertThrows(IllegalArgumentException.class, () -> OnnxGraph.parse(ByteBuffer.wrap(garbage), "text"));
        assertTrue(e.getMessage().contains("text"), e.getMessage());
    }
}
