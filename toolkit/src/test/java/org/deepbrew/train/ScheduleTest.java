package org.deepbrew.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ScheduleTest {
    @Test
    void stepDecay() {
        Schedule s = Schedule.step(0.1f, 10, 0.5f);
        assertEquals(0.1f, s.at(1), 1e-7);
        assertEquals(0.1f, s.at(10), 1e-7);
        assertEquals(0.05f, s.at(11), 1e-7);
        assertEquals(0.025f, s.at(21), 1e-7);
        assertEquals(0.05f, s.getNewValue(11), 1e-7); // as DJL's optimizers call it
    }

    @Test
    void cosineEndsAndMiddle() {
        Schedule s = Schedule.cosine(1f, 0f, 101);
        assertEquals(1f, s.at(1), 1e-6);
        assertEquals(0.5f, s.at(51), 1e-6);
        assertEquals(0f, s.at(101), 1e-6);
        assertEquals(0f, s.at(500), 1e-6);
        assertEquals(0.853553f, s.at(26), 1e-5); // (1 + cos(pi/4)) / 2
    }

    @Test
    void warmupRisesLinearlyThenHandsOver() {
        Schedule s = Schedule.constant(0.01f).warmup(4);
        assertEquals(0.0025f, s.at(1), 1e-8);
        assertEquals(0.005f, s.at(2), 1e-8);
        assertEquals(0.01f, s.at(4), 1e-8);
        assertEquals(0.01f, s.at(5), 1e-8);
        Schedule c = Schedule.cosine(1f, 0f, 11).warmup(10);
        assertEquals(1f, c.at(11), 1e-6);
        assertEquals(0f, c.at(21), 1e-6);
    }

    @Test
    void bertsRecipeWarmsUpThenDecaysLinearlyToZero() {
        Schedule s = Schedule.linear(1f, 0f, 100).warmup(10);
        assertEquals(0.1f, s.at(1), 1e-6);
        assertEquals(1f, s.at(10), 1e-6);
        assertEquals(1f, s.at(11), 1e-6);
        assertEquals(1f - 49f / 99f, s.at(60), 1e-6);
        assertEquals(0f, s.at(110), 1e-6);
        assertEquals(0f, s.at(500), 1e-6);
        assertTrue(s.at(30) < s.at(20));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Schedule.step(0.1f, 0, 0.5f));
        assertThrows(IllegalArgumentException.class, () -> Schedule.cosine(0.1f, 0.2f, 10));
        assertThrows(IllegalArgumentException.class, () -> Schedule.constant(-1f));
    }
}
