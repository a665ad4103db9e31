package org.deepbrew.deploy.prune;

/**
 * How sparse a pruned model should be at each optimizer step: the cubic ramp of Zhu and Gupta
 * (2017), {@code s(t) = s_f + (s_i - s_f) * (1 - (t - t_0) / (t_1 - t_0))^3} between steps t_0 and
 * t_1, s_i before and s_f after. It prunes fast while many redundant weights remain and slowly
 * near the end, when each removal hurts more.
 *
 * @param initial sparsity s_i up to {@code begin}
 * @param target  sparsity s_f from {@code end} on
 * @param begin   step t_0 where the ramp starts
 * @param end     step t_1 where the target is reached
 */
public record SparsitySchedule(double initial, double target, int begin, int end) {

    /** Validates the ramp. */
    public SparsitySchedule {
        if (!(initial >= 0 && initial < 1) || !(target >= 0 && target < 1)) {
            throw new IllegalArgumentException("sparsities must be in [0, 1), got initial " + initial
                    + " and target " + target);
        }
        if (target < initial) {
            throw new IllegalArgumentException("target sparsity " + target + " is below the initial " + initial
                    + "; pruned weights do not grow back");
        }
        if (begin < 0 || end <= begin) {
            throw new IllegalArgumentException("the ramp needs 0 <= begin < end, got begin " + begin + ", end " + end);
        }
    }

    /** From 0 to {@code target} between steps {@code begin} and {@code end}. */
    public static SparsitySchedule cubic(double target, int begin, int end) {
        return new SparsitySchedule(0, target, begin, end);
    }

    /** The sparsity at optimizer step {@code step}. */
    public double at(int step) {
        if (step <= begin) {
            return initial;
        }
        if (step >= end) {
            return target;
        }
        double left = 1 - (double) (step - begin) / (end - begin);
        return target + (initial - target) * left * left * left;
    }
}
