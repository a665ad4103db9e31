package org.deepbrew.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import org.deepbrew.engine.DeferredRelease;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Keeps a trained model's parameter arrays where they are freed safely once the notebook drops the
 * model. DJL frees a dropped model's arrays in the model's finalizer, on the finalizer thread,
 * which may run in the middle of another cell's training; MXNet's naive engine (the launcher's
 * choice on CPUs) must not be entered from two threads at once. So the arrays move to a manager of
 * their own, which {@link DeferredRelease} frees on the training thread; the finalizer then finds
 * nothing native to free. A block handed on to a new model moves with it, so it outlives the first.
 *
 * <p>The cost: {@code model.close()} no longer frees the parameters at once; they go when the
 * model object is collected, at the next training run or data set.
 */
final class ModelArrays {
    private static final Map<Model, NDManager> OWNERS = Collections.synchronizedMap(new WeakHashMap<>());

    private ModelArrays() {}

    /** Moves {@code model}'s initialised parameter arrays into the manager kept for it. */
    static void adopt(Model model) {
        NDManager owner = OWNERS.computeIfAbsent(model, m -> {
            NDManager arrays = NDManager.newBaseManager(m.getNDManager().getDevice());
            DeferredRelease.whenUnreachable(m, arrays); // holds the manager, never the model
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
}
