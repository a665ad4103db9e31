package org.deepbrew.nlp.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.deepbrew.nlp.onnx.OnnxGraph;
import org.deepbrew.nlp.onnx.OnnxNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class OnnxWeightImporterTest {

    /**
     * Every anonymous dense weight must be the one the exporter's node path names: the MatMul
     * reading it is called /encoder/layer.N/attention/self/query/MatMul and so on. The importer does
     * not look at node names, so this checks its graph-following independently.
     */
    @ParameterizedTest
    @EnumSource(PretrainedBert.class)
    void identifiesEachDenseWeightThroughItsBias(PretrainedBert model) {
        OnnxGraph graph = model.graph();
        BertEncoder encoder = new BertEncoder(model.config());
        OnnxWeightImporter importer = new OnnxWeightImporter(graph);
        Map<String, OnnxWeightImporter.Source> sources = importer.locate(encoder.namedParameters().keySet());
        assertEquals(encoder.namedParameters().size(), sources.size(), "every parameter has a tensor");
        Set<String> used = new HashSet<>();
        int anonymous = 0;
        for (Map.Entry<String, OnnxWeightImporter.Source> e : sources.entrySet()) {
            String tensor = e.getValue().tensor().name();
            assertTrue(used.add(tensor), "tensor " + tensor + " used twice");
            if (tensor.startsWith("onnx::MatMul")) {
                anonymous++;
                assertTrue(e.getValue().transpose(), e.getKey());
                String expectedPath = exporterPath(e.getKey());
                OnnxNode matMul = graph.consumersOf(tensor).get(0);
                assertEquals(expectedPath, matMul.name(), "weight for " + e.getKey());
            }
        }
        assertEquals(6 * model.config().layers(), anonymous);
    }

    /** encoder.layer.0.attention.self.query.weight → /encoder/layer.0/attention/self/query/MatMul */
    private static String exporterPath(String parameter) {
        String module = parameter.substring(0, parameter.length() - ".weight".length());
        return "/" + module.replace('.', '/').replaceFirst("layer/(\\d+)", "layer.$1") + "/MatMul";
    }

    @Test
    void poolerWeightFromGemmIsNotTransposed() {
        OnnxWeightImporter importer = new OnnxWeightImporter(PretrainedBert.MINI_LM_L6_V2.graph());
        OnnxWeightImporter.Source pooler = importer.locate("pooler.dense.weight").orElseThrow();
        assertEquals("pooler.dense.weight", pooler.tensor().name());
        assertFalse(pooler.transpose());
    }

    @Test
    void namesMissingAndMisShapedTensors() {
        // A 7-layer encoder with a wider feed-forward layer cannot take MiniLM's weights.
        BertConfig wrong = new BertConfig(30522, 384, 7, 12, 1024, 512, 2, 1e-12f, 0f, true);
        try (NDManager manager = NDManager.newBaseManager()) {
            BertEncoder encoder = new BertEncoder(wrong);
            encoder.initialize(manager, DataType.FLOAT32, BertEncoder.inputShapes(1, 4));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new OnnxWeightImporter(PretrainedBert.MINI_LM_L6_V2.graph()).importInto(encoder));
            assertTrue(e.getMessage().contains("missing tensor 'encoder.layer.6.attention.self.query.weight'"), e.getMessage());
            assertTrue(e.getMessage().contains("tensor 'encoder.layer.0.intermediate.dense.weight'"), e.getMessage());
            assertTrue(e.getMessage().contains("(1024, 384)"), e.getMessage());
        }
    }
}
