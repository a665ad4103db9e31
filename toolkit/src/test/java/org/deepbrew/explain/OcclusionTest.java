package org.deepbrew.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import java.util.Random;
import org.deepbrew.display.MimeBundle;
import org.junit.jupiter.api.Test;

class OcclusionTest {
    /** A 28x28 image with every pixel in [0.5, 1). */
    private static NDArray bright(NDManager m, long seed) {
        Random r = new Random(seed);
        float[] v = new float[28 * 28];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.5f + 0.5f * r.nextFloat();
        }
        return m.create(v, new Shape(1, 28, 28));
    }

    /** The model's evidence is the mean of rows 4-9, columns 16-21: nowhere else matters. */
    private static double[] regionScore(NDArray batch) {
        float[] x = batch.toFloatArray();
        int n = (int) batch.getShape().get(0);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int r = 4; r < 10; r++) {
                for (int c = 16; c < 22; c++) {
                    sum += x[i * 784 + r * 28 + c];
                }
            }
            s[i] = 1 / (1 + Math.exp(-(8 * sum / 36 - 4)));
        }
        return s;
    }

    @Test
    void theHeatLiesOnTheRegionTheModelReads() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray image = bright(m, 1);
            OcclusionMap map = Occlusion.builder().patch(4).stride(2).build().explain(OcclusionTest::regionScore, image);
            assertEquals(28, map.height());
            assertEquals(28, map.width());
            assertEquals(regionScore(image.expandDims(0))[0], map.baseScore(), 1e-9);
            int[] hot = map.hottest();
            assertTrue(hot[0] >= 4 && hot[0] < 10 && hot[1] >= 16 && hot[1] < 22,
                    "hottest pixel at " + hot[0] + "," + hot[1]);
            assertTrue(map.maxDrop() > 0.1, "max drop " + map.maxDrop());
            double[][] heat = map.heat();
            // A patch covering (20, 5) never reaches the region: hiding it changes nothing.
            assertEquals(0.0, heat[20][5], 1e-12);
            assertEquals(0.0, heat[0][0], 1e-12);
            for (double[] row : heat) {
                for (double h : row) {
                    assertTrue(h >= -1e-12, "hiding bright pixels can only lower this model's score");
                }
            }
            assertEquals(1.0, map.shareOnPixelsAbove(0.5), 1e-12);
            assertArrayEquals(image.toFloatArray(), toFloats(map.image()), 1e-6f);
        }
    }

    @Test
    void worksOnATrainedModelsProbabilities() {
        // Class 1's logit is 10 x the mean of the top-left 7x7 corner, class 0's is 5.
        try (NDManager m = NDManager.newBaseManager(); Model model = Model.newInstance("corner")) {
            model.setBlock(new LambdaBlock(in -> {
                NDArray x = in.head();
                NDArray corner = x.get(":, :, 0:7, 0:7").mean(new int[] {1, 2, 3}).mul(10).reshape(-1, 1);
                return new NDList(corner.onesLike().mul(5).concat(corner, 1));
            }));
            OcclusionMap map = Occlusion.builder().patch(7).stride(7).build().explain(model, bright(m, 2), 1);
            int[] hot = map.hottest();
            assertTrue(hot[0] < 7 && hot[1] < 7, "hottest pixel at " + hot[0] + "," + hot[1]);
            assertEquals(0.0, map.heat()[14][14], 1e-6);
            assertTrue(map.baseScore() > 0.5);
        }
    }

    @Test
    void theLastPatchSitsFlushWithTheEdgeSoEveryPixelIsCovered() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray ones = m.ones(new Shape(10, 10));
            // The score is the sum of the pixels, so hiding any patch of 16 ones drops it by 16.
            ScoreFunction<NDArray> sum = batch -> {
                float[] x = batch.toFloatArray();
                int n = (int) batch.getShape().get(0);
                double[] s = new double[n];
                for (int i = 0; i < x.length; i++) {
                    s[i / 100] += x[i];
                }
                return s;
            };
            OcclusionMap map = Occlusion.builder().patch(4).stride(4).build().explain(sum, ones);
            for (double[] row : map.heat()) {
                for (double h : row) {
                    assertEquals(16.0, h, 1e-9);
                }
            }
            assertThrows(IllegalArgumentException.class,
                    () -> Occlusion.builder().patch(11).build().explain(sum, ones));
        }
    }

    @Test
    void showsItselfAsOnePngOfThreePanels() {
        try (NDManager m = NDManager.newBaseManager()) {
            OcclusionMap map = Occlusion.builder().build().explain(OcclusionTest::regionScore, bright(m, 3));
            MimeBundle bundle = map.toMimeBundle();
            assertTrue(bundle.data().containsKey("image/png"));
            assertTrue(map.toString().contains("largest drop"));
            assertEquals(3 * 28 * 4 + 12, map.toImage(4).getWidth());
        }
    }

    @Test
    void modelScoresAreSoftmaxProbabilities() {
        try (Model model = Model.newInstance("identity")) {
            model.setBlock(new LambdaBlock(in -> in)); // the two features are the logits
            double[] p = ModelScores.ofRows(model, 1).score(new float[][] {{0, 0}, {0, 2}, {3, -1}});
            assertEquals(0.5, p[0], 1e-6);
            assertEquals(1 / (1 + Math.exp(-2)), p[1], 1e-6);
            assertEquals(1 / (1 + Math.exp(4)), p[2], 1e-6);
            assertThrows(IllegalArgumentException.class, () -> ModelScores.ofRows(model, 2).score(new float[][] {{0, 0}}));
        }
    }

    private static float[] toFloats(double[][] a) {
        float[] f = new float[a.length * a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                f[r * a[0].length + c] = (float) a[r][c];
            }
        }
        return f;
    }
}
