package org.deepbrew.engine;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;

import java.lang.ref.Cleaner;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything DeepBrew does differently per engine, in one place: training and data code ask this
 * interface and never name an engine. On MXNet it compiles dense stacks and BERT encoders into one graph, updates
 * parameters without the engine's key-value store, and keeps a model's parameters where they are
 * freed on a thread that may call the engine; on other engines each method does the plain DJL thing.
 *
 * <pre>{@code
 * EngineTuning tuning = EngineTuning.of(model.getNDManager());
 * ParameterUpdate update = tuning.parameterUpdate(trainer, optimizer, model.getBlock());
 * }</pre>
 */
public interface EngineTuning {

    /** The tuning for the engine {@code manager} belongs to. */
    static EngineTuning of(NDManager manager) {
        return named(manager.getEngine().getEngineName());
    }

    /** The tuning for DJL's default engine. */
    static EngineTuning current() {
        return named(Engine.getDefaultEngineName());
    }

    private static EngineTuning named(String engine) {
        return "MXNet".equals(engine) ? MxNetTuning.INSTANCE : PlainTuning.INSTANCE;
    }

    /**
     * {@code block}'s forward pass as one engine graph where the engine can and the block is one it
     * knows (with DJL's softmax cross-entropy inside when {@code withSoftmaxCrossEntropy}); empty
     * otherwise, and the caller runs the block as usual.
     */
    Optional<CompiledGraph> compile(Block block, NDManager manager, boolean withSoftmaxCrossEntropy);

    /**
     * A BERT-style encoder as one engine graph, reading the parameters {@code named} under the
     * original checkpoint's names ({@code embeddings.word_embeddings.weight}, …); empty where the
     * engine has none, and the caller runs the blocks op by op.
     */
    Optional<EncoderGraph> compileEncoder(EncoderGraph.Spec spec, Map<String, Parameter> named, NDManager manager);

    /** The update step for {@code trainer}, whose {@code optimizer} trains every parameter of {@code block}. */
    ParameterUpdate parameterUpdate(Trainer trainer, Optimizer optimizer, Block block);

    /**
     * The global L2 norm of {@code gradients}, the square root of the sum of all their squared
     * entries, read from the engine once.
     */
    default float globalNorm(List<NDArray> gradients) {
        if (gradients.isEmpty()) {
            return 0f;
        }
        try (NDManager scratch = gradients.get(0).getManager().newSubManager()) {
            NDArray sumSquares = null;
            for (NDArray g : gradients) {
                NDArray s = g.square().sum();
                s.attach(scratch);
                sumSquares = sumSquares == null ? s : sumSquares.add(s);
                sumSquares.attach(scratch);
            }
            return (float) Math.sqrt(sumSquares.getFloat());
        }
    }

    /**
     * Called before and after training {@code model}: makes its parameter arrays safe to free when
     * the notebook drops the model. {@code model.close()} still frees them at once.
     */
    void adoptParameters(Model model);

    /**
     * Registers {@code resource} to be freed once {@code owner} is unreachable, on a thread that
     * may call the engine. The resource must not refer to the owner. {@code clean()} on the result
     * frees it at once.
     */
    default Cleaner.Cleanable freeWhenUnreachable(Object owner, AutoCloseable resource) {
        return DeferredRelease.whenUnreachable(owner, resource);
    }

    /** Frees what the notebook has dropped so far (collects garbage first); call before long work. */
    default void releaseDropped() {
        DeferredRelease.releaseDropped();
    }

    /** Frees what is already queued, without collecting garbage: cheap, for every new data set. */
    default void releasePending() {
        DeferredRelease.releasePending();
    }
}
