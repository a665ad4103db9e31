package org.deepbrew.engine;

import ai.djl.Device;
import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * DJL's {@link AdamW}, run on MXNet's one-pass {@code adam_update} kernel.
 *
 * <p>DJL sends AdamW to MXNet's {@code _adamw_update}, whose CPU kernel evaluates the update as a
 * chain of whole-array expressions on one thread; {@code adam_update} does the same arithmetic in
 * one multi-threaded pass. On MiniLM's 22 million parameters that took a step's AdamW update from
 * about 450 to about 100 ms on 2 cores. The two differ only in where the weight decay goes, so
 * this decays the weight first ({@code w *= 1 - rate * decay}, PyTorch's order) and then runs
 * {@code adam_update} without decay: the same update as DJL's, to float rounding.
 *
 * <p>Everything else is the optimizer's own: its learning-rate tracker, its per-parameter update
 * counts and its moment arrays, read through reflection, so training on with the same optimizer
 * after a run, or on another engine, continues from the same state. Where DJL's fields are not as
 * expected (another DJL version), {@link #of} declines and the optimizer runs as usual.
 */
final class AdamWStep implements ParameterUpdate {
    private static final Internals INTERNALS = Internals.find();

    private final AdamW optimizer;
    private final List<Parameter> parameters = new ArrayList<>();

    private AdamWStep(AdamW optimizer, Block block) {
        this.optimizer = optimizer;
        for (Pair<String, Parameter> p : block.getParameters()) {
            parameters.add(p.getValue());
        }
    }

    /** The step for {@code optimizer} when it is DJL's own AdamW and its internals are readable. */
    static Optional<ParameterUpdate> of(Optimizer optimizer, Block block) {
        if (INTERNALS == null || optimizer.getClass() != AdamW.class) {
            return Optional.empty();
        }
        return Optional.of(new AdamWStep((AdamW) optimizer, block));
    }

    @Override
    public void apply(float gradientScale) {
        Settings s = INTERNALS.settings(optimizer);
        for (Parameter p : parameters) {
            if (!p.requiresGradient()) {
                continue; // frozen since the step was made
            }
            NDArray weight = p.getArray();
            try (NDArray gradient = weight.getGradient()) {
                update(s, p.getId(), weight, gradient, gradientScale);
            }
        }
    }

    private void update(Settings s, String id, NDArray weight, NDArray gradient, float gradientScale) {
        int t = INTERNALS.updateCount(optimizer, id);
        float rate = s.rate.getNewValue(id, t);
        float decay = INTERNALS.weightDecay(optimizer);
        if (!Float.isFinite(rate) || !Float.isFinite(decay)) {
            throw new IllegalArgumentException("learning rate or weight decay is nan or infinite");
        }
        // Adam's bias corrections folded into the rate, as DJL and MXNet do.
        float correctedRate = (float) (rate * Math.sqrt(1 - Math.pow(s.beta2, t)) / (1 - Math.pow(s.beta1, t)));
        Device device = weight.getDevice();
        NDArray mean = INTERNALS.state(optimizer, s.means, id, device, k -> weight.zerosLike());
        NDArray variance = INTERNALS.state(optimizer, s.variances, id, device, k -> weight.zerosLike());
        if (decay != 0f) {
            weight.muli(1f - rate * decay);
        }
        PairList<String, Object> params = new PairList<>();
        params.add("lr", correctedRate);
        params.add("wd", 0f);
        params.add("rescale_grad", s.rescaleGrad * gradientScale);
        params.add("clip_gradient", s.clipGrad);
        params.add("beta1", s.beta1);
        params.add("beta2", s.beta2);
        params.add("epsilon", s.epsilon);
        ((MxNDManager) weight.getManager()).invoke("adam_update",
                new NDList(weight, gradient, mean, variance), new NDList(weight), params);
    }

    /** An AdamW's hyper-parameters and state maps, read once per step. */
    private record Settings(ParameterTracker rate, float beta1, float beta2, float epsilon, float rescaleGrad,
                            float clipGrad, Map<String, Map<Device, NDArray>> means,
                            Map<String, Map<Device, NDArray>> variances) {}

    /** Reflective access to the fields and methods of DJL's AdamW that the step shares with it. */
    private record Internals(Field rate, Field beta1, Field beta2, Field epsilon, Field means, Field variances,
                             Field rescaleGrad, Field clipGrad, Method updateCount, Method weightDecay,
                             Method withDefaultState) {

        /** The accessors, or null where this DJL's AdamW is not laid out as expected. */
        static Internals find() {
            try {
                return new Internals(field(AdamW.class, "learningRateTracker"), field(AdamW.class, "beta1"),
                        field(AdamW.class, "beta2"), field(AdamW.class, "epsilon"), field(AdamW.class, "means"),
                        field(AdamW.class, "variances"), field(Optimizer.class, "rescaleGrad"),
                        field(Optimizer.class, "clipGrad"), method("updateCount", String.class),
                        method("getWeightDecay"),
                        method("withDefaultState", Map.class, String.class, Device.class, Function.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }

        private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        }

        private static Method method(String name, Class<?>... types) throws NoSuchMethodException {
            Method m = Optimizer.class.getDeclaredMethod(name, types);
            m.setAccessible(true);
            return m;
        }

        @SuppressWarnings("unchecked")
        Settings settings(AdamW o) {
            try {
                return new Settings((ParameterTracker) rate.get(o), beta1.getFloat(o), beta2.getFloat(o),
                        epsilon.getFloat(o), rescaleGrad.getFloat(o), clipGrad.getFloat(o),
                        (Map<String, Map<Device, NDArray>>) means.get(o),
                        (Map<String, Map<Device, NDArray>>) variances.get(o));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        int updateCount(AdamW o, String id) {
            return (Integer) call(updateCount, o, id);
        }

        float weightDecay(AdamW o) {
            return (Float) call(weightDecay, o);
        }

        NDArray state(AdamW o, Map<String, Map<Device, NDArray>> map, String id, Device device,
                      Function<String, NDArray> create) {
            return (NDArray) call(withDefaultState, o, map, id, device, create);
        }

        private static Object call(Method m, Object target, Object... args) {
            try {
                return m.invoke(target, args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("DJL's AdamW: " + m.getName(), e);
            }
        }
    }
}
