package org.deepbrew.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SearchSpaceTest {
    private final SearchSpace space = SearchSpace.builder()
            .logUniform("lr", 1e-4, 1e-1)
            .uniform("dropout", 0.0, 0.5)
            .intRange("layers", 1, 3)
            .choice("hidden", 64, 128, 256)
            .build();

    @Test
    void sameSeedSamePointsOtherSeedOtherPoints() {
        assertEquals(space.sample(20, 7), space.sample(20, 7));
        assertNotEquals(space.sample(20, 7), space.sample(20, 8));
        assertEquals(List.of("lr", "dropout", "layers", "hidden"),
                List.copyOf(space.sample(new Random(1)).asMap().keySet()));
    }

    @Test
    void logUniformSpreadsEvenlyOverDecades() {
        int n = 6000;
        int[] perDecade = new int[3];
        for (Params p : space.sample(n, 3)) {
            double lr = p.getDouble("lr");
            assertTrue(lr >= 1e-4 && lr < 1e-1, "lr out of range: " + lr);
            perDecade[(int) Math.floor(Math.log10(lr) + 4)]++;
        }
        // Each decade should hold a third; a plain uniform draw would put ~90% in the top one.
        for (int c : perDecade) {
            assertEquals(n / 3.0, c, 0.05 * n, "decade counts " + java.util.Arrays.toString(perDecade));
        }
    }

    @Test
    void uniformIntRangeAndChoiceCoverTheirValues() {
        Map<Object, Integer> hidden = new HashMap<>();
        Map<Integer, Integer> layers = new HashMap<>();
        double dropoutSum = 0;
        int n = 3000;
        for (Params p : space.sample(n, 11)) {
            hidden.merge(p.get("hidden"), 1, Integer::sum);
            layers.merge(p.getInt("layers"), 1, Integer::sum);
            double d = p.getDouble("dropout");
            assertTrue(d >= 0 && d < 0.5);
            dropoutSum += d;
        }
        assertEquals(0.25, dropoutSum / n, 0.02);
        assertEquals(java.util.Set.of(64, 128, 256), hidden.keySet());
        assertEquals(java.util.Set.of(1, 2, 3), layers.keySet()); // both ends included
        for (int c : hidden.values()) {
            assertEquals(n / 3.0, c, 0.06 * n);
        }
    }

    @Test
    void badDeclarationsAndLookupsNameTheProblem() {
        var e = assertThrows(IllegalArgumentException.class, () -> SearchSpace.builder().logUniform("lr", 0, 1));
        assertTrue(e.getMessage().contains("lr"));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.builder().uniform("x", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.builder().choice("c"));
        var twice = assertThrows(IllegalArgumentException.class,
                () -> SearchSpace.builder().uniform("x", 0, 1).intRange("x", 1, 2));
        assertTrue(twice.getMessage().contains("twice"));
        assertThrows(IllegalStateException.class, () -> SearchSpace.builder().build());
        Params p = space.sample(new Random(0));
        var missing = assertThrows(IllegalArgumentException.class, () -> p.getDouble("momentum"));
        assertTrue(missing.getMessage().contains("momentum") && missing.getMessage().contains("lr"));
        assertThrows(IllegalArgumentException.class, () -> p.getInt("lr"));
    }
}
