package org.deepbrew.engine;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;

import java.util.Map;
import java.util.Optional;

/** Engines without DeepBrew-specific tuning: DJL as it is. */
final class PlainTuning implements EngineTuning {
    static final PlainTuning INSTANCE = new PlainTuning();

    private PlainTuning() {}

    @Override
    public Optional<CompiledGraph> compile(Block block, NDManager manager, boolean withSoftmaxCrossEntropy) {
        return Optional.empty();
    }

    @Override
    public Optional<EncoderGraph> compileEncoder(EncoderGraph.Spec spec, Map<String, Parameter> named, NDManager manager) {
        return Optional.empty();
    }

    @Override
    public ParameterUpdate parameterUpdate(Trainer trainer, Optimizer optimizer, Block block) {
        return scale -> {
            GradientScale.apply(block, scale);
            trainer.step();
        };
    }

    @Override
    public void adoptParameters(Model model) {
        // DJL frees the model's parameters with the model.
    }
}
