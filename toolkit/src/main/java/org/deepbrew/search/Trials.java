package org.deepbrew.search;

import java.util.Locale;
import java.util.function.Consumer;

/** Runs one evaluation of an objective ({@link Trial#measure}) and reports it to a listener. */
final class Trials {
    private Trials() {}

    static Trial run(Objective objective, int id, Params params, int budget, int rung, Consumer<Trial> onTrial) {
        Trial t = Trial.measure(objective, id, params, budget, rung);
        if (onTrial != null) {
            onTrial.accept(t);
        }
        return t;
    }

    /** The default progress line: one per trial. */
    static Consumer<Trial> printer() {
        return t -> System.out.printf(Locale.ROOT, "trial #%d rung %d budget %d  score %.4f  %.1f s  %s%n",
                t.id(), t.rung(), t.budget(), t.score(), t.seconds(), t.params());
    }
}
