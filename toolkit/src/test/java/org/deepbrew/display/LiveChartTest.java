package org.deepbrew.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveChartTest {
    @AfterEach
    void restoreConsole() {
        Display.setSink(null);
    }

    @Test
    void manyPointsGiveFewRedrawsAndFinishDrawsEverything() throws IOException {
        RecordingSink sink = new RecordingSink();
        Display.setSink(sink);
        LiveChart chart = LiveChart.create("Training", "epoch", "value").size(400, 300);
        for (int epoch = 1; epoch <= 500; epoch++) {
            chart.add("train loss", epoch, 1.0 / epoch).add("val accuracy", epoch, 1 - 1.0 / (epoch + 1));
        }
        chart.finish();
        assertTrue(chart.redraws() >= 1 && chart.redraws() <= 3, "redraws: " + chart.redraws());
        assertEquals(1 + chart.redraws(), sink.calls().size());
        assertTrue(sink.calls().stream().allMatch(c -> c.displayId().equals(chart.displayId())));
        MimeBundle last = sink.last().bundle();
        assertTrue(last.plainText().contains("train loss 0.002 @ epoch 500"), last.plainText());
        assertTrue(last.plainText().contains("val accuracy 0.998 @ epoch 500"), last.plainText());
        BufferedImage image = ImageRenderersTest.decode(last);
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
        assertEquals(500, chart.points("train loss").size());

        chart.add("train loss", 501, 0.1);
        chart.finish();
        assertEquals(500, chart.points("train loss").size(), "points after finish are ignored");
    }

    @Test
    void redrawsStayUnderOnePerSecond() throws InterruptedException {
        RecordingSink sink = new RecordingSink();
        Display.setSink(sink);
        LiveChart chart = LiveChart.create("Loss", "step", "loss");
        long start = System.nanoTime();
        for (int step = 0; step < 60; step++) {
            chart.add("loss", step, Math.exp(-step / 20.0));
            Thread.sleep(40);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        chart.finish();
        assertTrue(chart.redraws() <= seconds + 2, chart.redraws() + " redraws in " + seconds + " s");
        assertTrue(chart.redraws() >= 2, "the chart moved while points came in");
        assertTrue(sink.last().bundle().plainText().contains("@ step 59"));
    }

    @Test
    void emptyChartWaitsForData() {
        RecordingSink sink = new RecordingSink();
        Display.setSink(sink);
        LiveChart chart = LiveChart.create("Curves", "x", "y");
        assertEquals("Curves: waiting for data", sink.last().bundle().plainText());
        assertFalse(sink.last().bundle().has("image/png"));
        chart.finish();
        assertEquals(0, chart.redraws());
    }
}
