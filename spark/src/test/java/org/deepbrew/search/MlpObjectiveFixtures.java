package org.deepbrew.search;

import java.util.Random;

/** A small, learnable objective for the Spark tests: three Gaussian blobs in 4 dimensions. */
public final class MlpObjectiveFixtures {
    private MlpObjectiveFixtures() {}

    public static MlpObjective blobs(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 4];
        int[] y = new int[n];
        float[] vx = new float[n * 4];
        int[] vy = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            vy[i] = (i + 1) % 3;
            for (int f = 0; f < 4; f++) {
                x[4 * i + f] = (float) ((f == y[i] ? 1.5 : 0) + r.nextGaussian());
                vx[4 * i + f] = (float) ((f == vy[i] ? 1.5 : 0) + r.nextGaussian());
            }
        }
        return MlpObjective.of(x, y, vx, vy, 4, 3).seed(3);
    }
}
