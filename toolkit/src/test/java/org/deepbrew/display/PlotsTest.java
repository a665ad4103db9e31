package org.deepbrew.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;

class PlotsTest {
    @Test
    void histogramCountsEveryValueInItsBin() {
        CategoryChart chart = Plots.histogram("h", new double[] {0, 0.1, 0.2, 5, 9.9, 10}, 2);
        CategorySeries series = chart.getSeriesMap().get("count");
        List<Number> counts = new java.util.ArrayList<>();
        series.getYData().forEach(counts::add);
        assertEquals(List.of(3.0, 3.0), counts.stream().map(Number::doubleValue).toList());
    }

    @Test
    void confusionMatrixRendersAsAnImageWithTheDiagonalOnTop() throws IOException {
        HeatMapChart chart = Plots.confusionMatrix(new int[][] {{5, 1}, {2, 7}}, List.of("cat", "dog"));
        List<?> y = chart.getHeatMapSeries().getYData();
        assertEquals(List.of("dog", "cat"), y, "XChart draws the first y label at the bottom, so rows are reversed");
        BufferedImage image = ImageRenderersTest.decode(Display.render(chart));
        assertEquals(chart.getWidth(), image.getWidth());
    }

    @Test
    void badInputIsRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plots.line("x", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().contains("x has 2 values but y has 1"));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.heatmap("h", new double[][] {{1, 2}, {3}}, List.of("a", "b"), List.of("c", "d")));
        assertThrows(IllegalArgumentException.class, () -> Plots.histogram("h", new double[0], 3));
    }

    @Test
    void lineAndScatterRender() throws IOException {
        assertEquals(640, ImageRenderersTest.decode(Display.render(Plots.line("y", new double[] {1, 4, 9}))).getWidth());
        assertTrue(Display.render(Plots.scatter("s", new double[] {1, 2}, new double[] {2, 1})).has("image/svg+xml"));
    }
}
