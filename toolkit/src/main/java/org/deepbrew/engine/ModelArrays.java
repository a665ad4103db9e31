package org.deepbrew.engine;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * Keeps a trained model's parameter arrays where they are freed safely when the notebook drops the
 * model. DJL frees a dropped model's arrays in the model's finalizer, on the finalizer thread,
 * which may run in the middle of another cell's training; MXNet's naive engine (the launcher's
 * choice on CPUs) must not be entered from two threads at once. So the arrays move to a manager of
 * their own, and the model's manager holds a small closer for it: {@code model.close()} frees the
 * arrays at once, as in DJL, while the finalizer only queues them for {@link DeferredRelease},
 * which frees them on the training thread. A block handed on to a new model moves with it.
 */
final class ModelArrays {
    private static final Map<Model, NDManager> OWNERS = Collections.synchronizedMap(new WeakHashMap<>());

    private ModelArrays() {}

    /** Moves {@code model}'s initialised parameter arrays into the manager kept for it. */
    static void adopt(Model model) {
        NDManager owner = OWNERS.computeIfAbsent(model, m -> {
            NDManager arrays = NDManager.newBaseManager(m.getNDManager().getDevice());
            m.getNDManager().attachInternal("deepbrew-parameters-" + UUID.randomUUID(), new Closer(arrays));
            return arrays;
        });
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            Parameter parameter = p.getValue();
            if (!parameter.isInitialized()) {
                continue;
            }
            NDArray array = parameter.getArray();
            if (array.getManager() != owner && !array.isReleased()) {
                array.attach(owner);
            }
        }
    }

    /** Closes the parameters' manager with the model's, except on a finalizer thread: there it defers. */
    private record Closer(NDManager arrays) implements AutoCloseable {
        @Override
        public void close() {
            if (onFinalizerThread()) {
                DeferredRelease.queue(arrays);
            } else {
                arrays.close();
            }
        }

        private static boolean onFinalizerThread() {
            return StackWalker.getInstance().walk(frames ->
                    frames.anyMatch(f -> f.getClassName().startsWith("java.lang.ref.Finalizer")));
        }
    }
}
