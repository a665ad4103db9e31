package org.deepbrew.business;

import java.util.Locale;

/**
 * The two-proportion z test of an A/B experiment: is the treatment's conversion rate different
 * from the control's? The difference is always treatment − control.
 *
 * <pre>{@code
 * TwoProportionTest t = TwoProportionTest.of(new Arm(200, 1000), new Arm(250, 1000));
 * t.pValue();                   // two-sided, pooled standard error
 * t.newcombeInterval(0.95);     // interval for the difference
 * }</pre>
 */
public final class TwoProportionTest {
    private final Arm control;
    private final Arm treatment;

    private TwoProportionTest(Arm control, Arm treatment) {
        this.control = control;
        this.treatment = treatment;
    }

    /** The test of {@code treatment} against {@code control}. */
    public static TwoProportionTest of(Arm control, Arm treatment) {
        return new TwoProportionTest(control, treatment);
    }

    /** The test from 0/1 outcomes per user in each arm. */
    public static TwoProportionTest of(int[] control, int[] treatment) {
        return of(Arm.of(control), Arm.of(treatment));
    }

    /** The control arm. */
    public Arm control() {
        return control;
    }

    /** The treatment arm. */
    public Arm treatment() {
        return treatment;
    }

    /** Treatment rate − control rate. */
    public double difference() {
        return treatment.rate() - control.rate();
    }

    /** Treatment rate / control rate − 1: the relative lift. */
    public double relativeLift() {
        return treatment.rate() / control.rate() - 1;
    }

    /**
     * The z statistic with the standard error pooled under the null hypothesis that both arms
     * share one rate. 0 when both arms convert everyone or no one (there is no evidence either way).
     */
    public double z() {
        double pooled = (double) (control.conversions() + treatment.conversions()) / (control.users() + treatment.users());
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / control.users() + 1.0 / treatment.users()));
        return se == 0 ? 0 : difference() / se;
    }

    /** The two-sided p value of {@link #z()}. */
    public double pValue() {
        return Normal.twoSidedP(z());
    }

    /** Whether the two-sided p value is below {@code alpha}. */
    public boolean significant(double alpha) {
        return pValue() < alpha;
    }

    /** The Wald interval difference ± z·se with the unpooled standard error; fine for large counts. */
    public Interval waldInterval(double confidence) {
        double z = Normal.twoSidedCritical(1 - Arm.checkConfidence(confidence));
        double a = control.rate();
        double b = treatment.rate();
        double se = Math.sqrt(a * (1 - a) / control.users() + b * (1 - b) / treatment.users());
        return new Interval(difference() - z * se, difference() + z * se);
    }

    /**
     * Newcombe's hybrid score interval (his method 10, 1998): combines the two arms' Wilson
     * intervals, so it stays within [−1, 1] and covers well for small counts and extreme rates.
     */
    public Interval newcombeInterval(double confidence) {
        Interval a = control.wilsonInterval(confidence);
        Interval b = treatment.wilsonInterval(confidence);
        double pa = control.rate();
        double pb = treatment.rate();
        double d = difference();
        double lower = d - Math.sqrt(sq(pb - b.lower()) + sq(a.upper() - pa));
        double upper = d + Math.sqrt(sq(b.upper() - pb) + sq(pa - a.lower()));
        return new Interval(lower, upper);
    }

    private static double sq(double v) {
        return v * v;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "control %s, treatment %s: difference %+.4f (%+.1f %%), z = %.3f, p = %.4g",
                control, treatment, difference(), 100 * relativeLift(), z(), pValue());
    }
}
