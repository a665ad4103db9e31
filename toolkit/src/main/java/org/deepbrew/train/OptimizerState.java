package org.deepbrew.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import org.deepbrew.engine.EngineTuning;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Frees the state an optimizer keeps per parameter (Adam's moment estimates, momentum's velocity).
 * DJL keeps those arrays detached from every manager, so closing the model or the trainer does not
 * free them: without this, each training run with a new optimizer leaves two arrays the size of
 * every parameter behind (about 180 MB for a MiniLM fine-tune).
 */
public final class OptimizerState {

    private OptimizerState() {}

    /** Frees the state now; only for an optimizer that will not be used again. */
    public static void free(Optimizer optimizer) {
        free(stateMaps(optimizer));
    }

    /**
     * Frees the state once {@code optimizer} is unreachable (a notebook cell run again builds a new
     * one), so an optimizer that is reused keeps its state while it is in use. The freeing itself
     * happens on a thread that uses the engine (see {@link EngineTuning#freeWhenUnreachable}).
     */
    public static void freeWhenUnreachable(Optimizer optimizer) {
        List<Map<?, ?>> maps = stateMaps(optimizer);
        // The resource holds the maps, never the optimizer, so the optimizer can become unreachable.
        EngineTuning.current().freeWhenUnreachable(optimizer, () -> free(maps));
    }

    private static List<Map<?, ?>> stateMaps(Optimizer optimizer) {
        List<Map<?, ?>> maps = new ArrayList<>();
        for (Class<?> c = optimizer.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && Map.class.isAssignableFrom(f.getType())) {
                    try {
                        f.setAccessible(true);
                        Object map = f.get(optimizer);
                        if (map != null) {
                            maps.add((Map<?, ?>) map);
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // A field we cannot read holds no state we could free either.
                    }
                }
            }
        }
        return maps;
    }

    private static void free(List<Map<?, ?>> maps) {
        for (Map<?, ?> map : maps) {
            closeArrays(map);
        }
    }

    private static void closeArrays(Map<?, ?> map) {
        boolean arrays = false;
        for (Object v : map.values()) {
            if (v instanceof NDArray) {
                ((NDArray) v).close();
                arrays = true;
            } else if (v instanceof Map) {
                closeArrays((Map<?, ?>) v);
                arrays = true;
            }
        }
        if (arrays) {
            map.clear();
        }
    }
}
