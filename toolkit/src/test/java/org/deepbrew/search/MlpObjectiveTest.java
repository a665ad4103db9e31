package org.deepbrew.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The ready-made objective: learns, repeats itself exactly, survives serialization and threads. */
class MlpObjectiveTest {

    /** Three Gaussian blobs in 4 dimensions, separable but not trivially so. */
    static MlpObjective blobs(int n, long seed) {
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

    private static Params params(double lr, int hidden) {
        SearchSpace space = SearchSpace.builder().choice("lr", lr).choice("hidden", hidden).build();
        return space.sample(new Random(0));
    }

    @Test
    void aGoodRateLearnsAndATinyOneDoesNot() {
        MlpObjective objective = blobs(300, 1);
        double good = objective.score(params(0.01, 16), 5);
        double tiny = objective.score(params(1e-6, 16), 5);
        // Chance is 1/3; the Bayes rate for these blobs is about 0.75.
        assertTrue(good > 0.65, "accuracy " + good);
        assertTrue(tiny < good - 0.15, "tiny " + tiny + " good " + good);
    }

    @Test
    void theSameTrialScoresTheSameAfterSerializationAndOnOtherThreads() throws Exception {
        MlpObjective objective = blobs(300, 2);
        List<Params> trials = List.of(params(0.003, 8), params(0.03, 32), params(0.01, 16), params(0.001, 24));
        double[] sequential = new double[trials.size()];
        for (int i = 0; i < trials.size(); i++) {
            sequential[i] = objective.score(trials.get(i), 3);
        }
        assertEquals(sequential[0], objective.score(trials.get(0), 3), "a second run of the same trial");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(objective);
            out.writeObject(trials.get(1));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            MlpObjective copy = (MlpObjective) in.readObject();
            Params p = (Params) in.readObject();
            assertEquals(trials.get(1), p);
            assertEquals(sequential[1], copy.score(p, 3), "the deserialized copy");
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            @SuppressWarnings("unchecked")
            Future<Double>[] futures = new Future[trials.size()];
            for (int i = 0; i < trials.size(); i++) {
                Params p = trials.get(i);
                futures[i] = pool.submit(() -> objective.score(p, 3));
            }
            for (int i = 0; i < trials.size(); i++) {
                assertEquals(sequential[i], futures[i].get(), 1e-9, "trial " + i + " on two threads at once");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
