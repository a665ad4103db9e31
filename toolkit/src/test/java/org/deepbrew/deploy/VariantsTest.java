package org.deepbrew.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deepbrew.data.text.LabeledText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class VariantsTest {
    private static final List<LabeledText> TEST = List.of(new LabeledText("good", 1), new LabeledText("bad", 0),
            new LabeledText("good film", 1), new LabeledText("bad film", 0));

    /** Answers positive when the text contains "good", or always positive. */
    private static TextModel model(String name, boolean reads) {
        return new TextModel() {
            public String name() {
                return name;
            }

            public List<String> classNames() {
                return List.of("negative", "positive");
            }

            public int maxLength() {
                return 8;
            }

            public float[][] probabilities(List<String> texts) {
                return texts.stream().map(t -> !reads || t.contains("good") ? new float[] {0.1f, 0.9f}
                        : new float[] {0.8f, 0.2f}).toArray(float[][]::new);
            }
        };
    }

    @Test
    void servedAndOfflineVariantsShareOneTableAndTheServedOnesOnePlot() throws Exception {
        Variants v = Variants.builder().test(TEST).task("sentiment").clients(2).requests(12).warmup(2).build();
        v.serve("reader", model("reader", true), 2_000_000);
        v.serve("optimist", model("optimist", false), 500_000);
        v.add("images", "cnn int8", 100_000, 0.87);

        assertEquals(1.0, v.row("reader").accuracy(), 1e-12);
        assertEquals(0.5, v.row("optimist").accuracy(), 1e-12);
        assertTrue(v.row("reader").requestsPerSecond() > 0 && v.row("reader").p99Ms() >= v.row("reader").p50Ms());

        Table t = v.table();
        assertEquals(3, t.rowCount());
        assertEquals(List.of("sentiment", "sentiment", "images"), t.stringColumn("task").asList());
        assertEquals(0.5, t.doubleColumn("size MB").get(1), 1e-12);
        assertTrue(t.doubleColumn("p50 ms").isMissing(2), "an offline variant has no latency");

        XYChart chart = v.plot();
        assertEquals(2, chart.getSeriesMap().size(), "only served variants are plotted");
        XYSeries optimist = chart.getSeriesMap().values().stream().filter(s -> s.getName().startsWith("optimist"))
                .findFirst().orElseThrow();
        assertTrue(optimist.getName().contains("0.50 MB"), optimist.getName());
        assertEquals(0.5, optimist.getYData()[0], 1e-12);
        assertEquals(v.row("optimist").p50Ms(), optimist.getXData()[0], 1e-12);
    }

    @Test
    void missingPiecesAreNamed() {
        assertThrows(IllegalStateException.class, () -> Variants.builder().build());
        Variants v = Variants.builder().test(TEST).build();
        assertThrows(IllegalStateException.class, v::plot);
        assertThrows(IllegalArgumentException.class, () -> v.row("nope"));
    }
}
