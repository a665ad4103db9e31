package org.deepbrew.engine;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;

import java.util.Map;
import java.util.Optional;

/** MXNet's tuning: {@link DenseGraph}, {@link BertGraph}, {@link OptimizerStep}, {@link ModelArrays}. */
final class MxNetTuning implements EngineTuning {
    static final MxNetTuning INSTANCE = new MxNetTuning();

    private MxNetTuning() {}

    @Override
    public Optional<CompiledGraph> compile(Block block, NDManager manager, boolean withSoftmaxCrossEntropy) {
        return (withSoftmaxCrossEntropy
                ? DenseGraph.compileWithSoftmaxCrossEntropy(block, manager)
                : DenseGraph.compile(block, manager)).map(g -> g);
    }

    @Override
    public Optional<EncoderGraph> compileEncoder(EncoderGraph.Spec spec, Map<String, Parameter> named, NDManager manager) {
        return BertGraph.compile(spec, named, manager);
    }

    @Override
    public ParameterUpdate parameterUpdate(Trainer trainer, Optimizer optimizer, Block block) {
        return new OptimizerStep(trainer, optimizer, block)::apply;
    }

    @Override
    public void adoptParameters(Model model) {
        ModelArrays.adopt(model);
    }
}
