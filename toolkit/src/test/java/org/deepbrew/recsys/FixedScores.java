package org.deepbrew.recsys;

import java.util.ArrayList;
import java.util.List;

/**
 * A test recommender that returns given score arrays in turn, one per history, and counts how it
 * was called.
 */
class FixedScores implements Recommender {
    private final List<float[]> scores;
    private int next;
    int batchedCalls;

    FixedScores(float[]... scores) {
        this.scores = List.of(scores);
    }

    @Override
    public String name() {
        return "fixed";
    }

    @Override
    public int itemCount() {
        return scores.get(0).length - 1;
    }

    @Override
    public float[] score(int[] history) {
        return scores.get(next++ % scores.size()).clone();
    }

    @Override
    public List<float[]> score(List<int[]> histories) {
        batchedCalls++;
        List<float[]> out = new ArrayList<>();
        for (int[] h : histories) {
            out.add(score(h));
        }
        return out;
    }
}
