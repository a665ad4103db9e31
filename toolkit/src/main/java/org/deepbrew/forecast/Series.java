package org.deepbrew.forecast;

import java.util.Objects;

/** Input checks shared by the forecasters. */
final class Series {
    private Series() {}

    static void check(double[] history, int minLength, int horizon, String who) {
        Objects.requireNonNull(history, "history");
        if (horizon < 1) {
            throw new IllegalArgumentException("the horizon must be at least 1 step, got " + horizon);
        }
        if (history.length < minLength) {
            throw new IllegalArgumentException(who + " needs at least " + minLength + " past values, got "
                    + history.length);
        }
    }
}
