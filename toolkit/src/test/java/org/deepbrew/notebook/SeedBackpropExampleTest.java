package org.deepbrew.notebook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SeedBackpropExampleTest {
    private static final double S = 1 / (1 + Math.exp(-15)); // sigmoid(15)

    @Test
    void forwardMatchesHandValues() {
        SeedBackpropExample.Forward f = SeedBackpropExample.asWritten().forward();
        assertEquals(3, f.z1());
        assertEquals(6, f.z2());
        assertEquals(15, f.z3());
        assertEquals(0.999999694097773, f.y(), 1e-15);
        assertEquals(0.5 * Math.pow(1 - S, 2), f.loss(), 1e-25);
    }

    @Test
    void tiedGradientsSumBothPaths() {
        SeedBackpropExample.Gradients g = SeedBackpropExample.asWritten().backward();
        double d3 = (S - 1) * S * (1 - S);
        assertEquals(-9.357e-14, d3, 1e-16); // hand value: −(3.059e-7)²·0.9999997
        assertEquals(d3, g.delta3(), 1e-28);
        assertEquals(d3 * (3 + 1 * 2), g.dw1(), 1e-27);   // a1 + w1·x1
        assertEquals(d3 * (6 + 2 * 3), g.dw2(), 1e-27);   // a2 + w2·x2
        assertEquals(d3 * 1, g.db1(), 1e-27);             // w1
        assertEquals(d3 * (2 + 1), g.db2(), 1e-27);       // w2 (hidden) + 1 (output)
    }

    @Test
    void untiedGradientsSeparateLayers() {
        SeedBackpropExample.Gradients g = SeedBackpropExample.untied().backward();
        double d3 = (S - 1) * S * (1 - S);
        assertEquals(d3 * 3, g.dv1(), 1e-27);
        assertEquals(d3 * 6, g.dv2(), 1e-27);
        assertEquals(d3, g.dc(), 1e-27);
        assertEquals(d3 * 2, g.dw1(), 1e-27);
        assertEquals(d3 * 2 * 3, g.dw2(), 1e-27);
    }

    @Test
    void autogradAgreesWithHand() {
        for (SeedBackpropExample ex : new SeedBackpropExample[] {SeedBackpropExample.asWritten(), SeedBackpropExample.untied()}) {
            SeedBackpropExample.Gradients hand = ex.backward();
            SeedBackpropExample.Gradients auto = ex.autograd();
            assertTrue(hand.maxDifference(auto) < 1e-12, "absolute " + hand.maxDifference(auto));
            assertTrue(hand.maxRelativeDifference(auto) < 1e-6, "relative " + hand.maxRelativeDifference(auto) + " " + auto);
        }
    }

    @Test
    void seedNumbersAreWrongAndUpdateIsTiny() {
        SeedBackpropExample ex = SeedBackpropExample.asWritten();
        double[] seed = SeedBackpropExample.seedPrinted();
        assertNotEquals(seed[2], ex.backward().dw1(), 1e-6);
        double[] p = ex.updated();
        assertEquals(1.0, p[0], 1e-11);
        assertTrue(p[0] > 1.0, "w1 moves up, toward a larger output");
        assertEquals(5, ex.whereTheSeedGoesWrong().size());
    }
}
