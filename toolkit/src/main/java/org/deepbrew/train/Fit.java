package org.deepbrew.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.translate.TranslateException;
import ai.djl.util.Pair;
import org.deepbrew.data.BatchedDataset;
import org.deepbrew.engine.CompiledGraph;
import org.deepbrew.engine.EngineTuning;
import org.deepbrew.engine.ParameterUpdate;
import org.deepbrew.engine.Devices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains a model in a few fluent lines and returns its {@link History}:
 *
 * <pre>{@code
 * History h = Fit.of(model)
 *         .loss(Loss.softmaxCrossEntropyLoss())
 *         .optimizer(Optimizer.adam().build())
 *         .epochs(5).train(trainSet).validate(testSet)
 *         .earlyStopping(Monitor.VAL_LOSS, 2).keepBest(Monitor.VAL_ACCURACY)
 *         .run();
 * }</pre>
 *
 * <p>Each batch's arrays live in the batch's own manager and are freed when the step ends, so
 * running the same cell again does not accumulate native memory. The model's parameters stay in
 * the model; train it again to continue, or build a fresh block to start over.
 */
public final class Fit {
    private final Model model;
    private Loss loss = Loss.softmaxCrossEntropyLoss();
    private boolean defaultLoss = true;
    private Optimizer optimizer;
    private int epochs = 1;
    private Dataset train;
    private Dataset validation;
    private Device[] devices;
    private Integer seed;
    private final List<FitListener> listeners = new ArrayList<>();
    private boolean quiet;
    private Monitor stopMonitor;
    private int patience;
    private double minDelta;
    private Monitor bestMonitor;
    private Path checkpointDir;
    private double clipNorm;
    private int maxBatchesPerEpoch = Integer.MAX_VALUE;
    private int maxSteps = Integer.MAX_VALUE;
    private Schedule schedule;
    private boolean compiled = true;

    private Fit(Model model) {
        this.model = model;
    }

    /** Trains {@code model}, whose block is set; its parameters are initialised from the first batch if new. */
    public static Fit of(Model model) {
        Objects.requireNonNull(model, "model");
        if (model.getBlock() == null) {
            throw new IllegalArgumentException("the model has no block; call model.setBlock(...) first");
        }
        return new Fit(model);
    }

    /** Wraps {@code block} in a new model on the best device; get it back with {@link #model()}. */
    public static Fit of(Block block) {
        Model m = Model.newInstance("deepbrew", Devices.best());
        m.setBlock(block);
        return new Fit(m);
    }

    /** The model being trained. */
    public Model model() {
        return model;
    }

    /** The loss (default softmax cross-entropy, which takes raw scores and class indices). */
    public Fit loss(Loss loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
        this.defaultLoss = false;
        return this;
    }

    /** The optimizer (default Adam with DJL's default rate 0.001). */
    public Fit optimizer(Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        return this;
    }

    /**
     * The optimizer's learning-rate schedule, when it was built with one, so the history can record
     * the rate. Does not change the optimizer.
     */
    public Fit recordSchedule(Schedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /** Number of passes over the training data (default 1). */
    public Fit epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /**
     * The training data: any DJL data set; an {@link org.deepbrew.data.InMemoryDataset} is fastest for arrays, and a
     * {@link BatchedDataset} also sizes the progress bar.
     */
    public Fit train(Dataset data) {
        this.train = Objects.requireNonNull(data, "training data");
        return this;
    }

    /** Data evaluated after every epoch (validation loss and accuracy). */
    public Fit validate(Dataset data) {
        this.validation = Objects.requireNonNull(data, "validation data");
        return this;
    }

    /**
     * The device (default: the model's device, which {@link Devices#best()} chose, or every GPU
     * when there are several; see {@link #devices(Device...)}).
     */
    public Fit device(Device device) {
        return devices(Objects.requireNonNull(device, "device"));
    }

    /**
     * Trains on several devices at once (data parallelism): each batch is split across them, each
     * computes the gradients of its part, and the gradients are summed before the update, so a
     * step equals one on the whole batch. By default a model on the best device trains on every GPU
     * when there are several ({@link Devices#forTraining()}). Gradient clipping and the compiled
     * graph need a single device.
     */
    public Fit devices(Device... devices) {
        if (devices.length == 0) {
            throw new IllegalArgumentException("devices: give at least one");
        }
        this.devices = devices.clone();
        return this;
    }

    /**
     * Makes the run repeatable: seeds the engine's random numbers (parameter initialisation,
     * dropout) and the shuffling of an {@link org.deepbrew.data.InMemoryDataset} that has no seed of its own.
     */
    public Fit seed(int seed) {
        this.seed = seed;
        return this;
    }

    /** Adds a listener (progress bar, live chart). Without any, progress prints to the console. */
    public Fit listener(FitListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** No default console progress (listeners added explicitly still run). */
    public Fit quiet() {
        this.quiet = true;
        return this;
    }

    /**
     * Stops when {@code monitor} has not improved for {@code patience} epochs in a row.
     */
    public Fit earlyStopping(Monitor monitor, int patience) {
        return earlyStopping(monitor, patience, 0);
    }

    /** As {@link #earlyStopping(Monitor, int)}; an improvement must exceed {@code minDelta}. */
    public Fit earlyStopping(Monitor monitor, int patience, double minDelta) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        }
        this.stopMonitor = Objects.requireNonNull(monitor, "monitor");
        this.patience = patience;
        this.minDelta = minDelta;
        return this;
    }

    /**
     * Remembers the parameters of the best epoch by {@code monitor} and puts them back into the
     * model when the run ends, so the model you evaluate is the best one, not the last one.
     */
    public Fit keepBest(Monitor monitor) {
        this.bestMonitor = Objects.requireNonNull(monitor, "monitor");
        return this;
    }

    /** Like {@link #keepBest(Monitor)}, and also saves the best parameters under {@code dir}. */
    public Fit keepBest(Monitor monitor, Path dir) {
        this.checkpointDir = Objects.requireNonNull(dir, "dir");
        return keepBest(monitor);
    }

    /** Rescales all gradients together when their global L2 norm exceeds {@code maxNorm}. */
    public Fit clipGradientNorm(double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm must be positive, got " + maxNorm);
        }
        this.clipNorm = maxNorm;
        return this;
    }

    /**
     * Whether a dense stack (flatten, linear layers, ReLU, sigmoid, tanh) trains as one compiled
     * graph (default true): the same arithmetic, about twice as fast for an MLP. Other blocks always
     * run layer by layer; false makes every block do so, e.g. to compare.
     */
    public Fit compiled(boolean compiled) {
        this.compiled = compiled;
        return this;
    }

    /** Stops each epoch after {@code n} batches: quick runs in tests and demos. */
    public Fit maxBatchesPerEpoch(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxBatchesPerEpoch must be at least 1, got " + n);
        }
        this.maxBatchesPerEpoch = n;
        return this;
    }

    /**
     * Stops after {@code n} optimizer steps in all, inside an epoch if need be (that epoch is still
     * recorded): for step-counted recipes such as masked-LM pretraining.
     */
    public Fit maxSteps(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, got " + n);
        }
        this.maxSteps = n;
        return this;
    }

    /** Trains and returns the history. */
    public History run() {
        if (train == null) {
            throw new IllegalStateException("no training data; call train(dataset) before run()");
        }
        Monitor[] monitors = {stopMonitor, bestMonitor};
        for (Monitor m : monitors) {
            if (m != null && m.needsValidation() && validation == null) {
                throw new IllegalStateException(m + " needs validation data; call validate(dataset)");
            }
        }
        if (seed != null) {
            Engine.getInstance().setRandomSeed(seed);
            for (Dataset d : new Dataset[] {train, validation}) {
                if (d instanceof BatchedDataset batched) {
                    batched.seedIfUnset(seed);
                    batched.rewind();
                }
            }
        }
        List<FitListener> all = new ArrayList<>(listeners);
        if (all.isEmpty() && !quiet) {
            all.add(FitProgress.auto());
        }
        EngineTuning tuning = EngineTuning.of(model.getNDManager());
        tuning.adoptParameters(model); // first, so a block from a dropped model is not freed with it
        // Models, data sets and optimizers that earlier runs of a cell dropped are freed now, on
        // this thread, before the training needs the memory.
        tuning.releaseDropped();
        Optimizer chosen = optimizer != null ? optimizer : Optimizer.adam().build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(chosen)
                .optDevices(trainingDevices());
        try (Trainer trainer = model.newTrainer(config)) {
            if (!isInitialized(model.getBlock())) {
                trainer.initialize(firstInputShape(trainer));
            }
            tuning.adoptParameters(model);
            try (Step step = new Step(trainer, chosen, tuning)) {
                return loop(trainer, step, all);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranslateException e) {
            throw new IllegalStateException("reading the data failed: " + e.getMessage(), e);
        } finally {
            // Our own optimizer dies with the run; one passed in may train this model again.
            if (chosen != optimizer) {
                OptimizerState.free(chosen);
            } else {
                OptimizerState.freeWhenUnreachable(chosen);
            }
        }
    }

    private Device[] trainingDevices() {
        Device own = model.getNDManager().getDevice();
        Device[] chosen = devices != null ? devices
                : own.equals(Devices.best()) ? Devices.forTraining() : new Device[] {own};
        if (chosen.length > 1 && clipNorm > 0) {
            throw new IllegalStateException("gradient clipping needs a single device; call device(...) "
                    + "or leave out clipGradientNorm (" + chosen.length + " devices chosen)");
        }
        return chosen;
    }

    private static boolean isInitialized(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().isInitialized()) {
                return false;
            }
        }
        return !block.getParameters().isEmpty();
    }

    private Shape firstInputShape(Trainer trainer) throws IOException, TranslateException {
        Iterator<Batch> it = trainer.iterateDataset(train).iterator();
        if (!it.hasNext()) {
            throw new IllegalArgumentException("the training data set is empty");
        }
        try (Batch b = it.next()) {
            return b.getData().singletonOrThrow().getShape();
        } finally {
            if (train instanceof BatchedDataset batched && seed != null) {
                batched.rewind();
            }
        }
    }

    private History loop(Trainer trainer, Step step, List<FitListener> all) throws IOException, TranslateException {
        History history = new History();
        int perEpoch = train instanceof BatchedDataset batched
                ? Math.min(batched.batchesPerEpoch(), maxBatchesPerEpoch) : -1;
        all.forEach(l -> l.onStart(epochs, perEpoch));
        Best best = bestMonitor != null ? new Best(bestMonitor) : null;
        double stopBest = Double.NaN;
        int sinceImprovement = 0;
        int steps = 0;
        long runStart = System.nanoTime();
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long epochStart = System.nanoTime();
                double lossSum = 0;
                long correct = 0;
                long items = 0;
                boolean classification = true;
                double trainSeconds = 0;
                long last = System.nanoTime();
                int inEpoch = 0;
                for (Batch batch : trainer.iterateDataset(train)) {
                    if (Thread.currentThread().isInterrupted()) {
                        batch.close();
                        TrainingInterrupted.check("Training");
                    }
                    if (inEpoch >= maxBatchesPerEpoch || steps >= maxSteps) {
                        batch.close();
                        break;
                    }
                    try (batch) {
                        float[] stats = step.take(batch);
                        inEpoch++;
                        steps++;
                        int n = batch.getSize();
                        long now = System.nanoTime();
                        double seconds = (now - last) / 1e9;
                        last = now;
                        trainSeconds += seconds;
                        lossSum += stats[0] * n;
                        items += n;
                        classification &= !Float.isNaN(stats[1]);
                        correct += classification ? (long) stats[1] : 0;
                        BatchRecord record = new BatchRecord(epoch, steps, stats[0],
                                Float.isNaN(stats[1]) ? Double.NaN : stats[1] / n, n, n / Math.max(seconds, 1e-9));
                        history.add(record);
                        for (FitListener l : all) {
                            l.onBatch(record, history);
                        }
                    }
                    last = System.nanoTime();
                }
                if (items == 0) {
                    throw new IllegalArgumentException("the training data set produced no batches");
                }
                double[] val = validation != null ? evaluate(trainer, validation) : new double[] {Double.NaN, Double.NaN};
                EpochRecord record = new EpochRecord(epoch, lossSum / items,
                        classification ? (double) correct / items : Double.NaN, val[0], val[1],
                        items / trainSeconds, (System.nanoTime() - epochStart) / 1e9,
                        schedule != null ? schedule.at(Math.max(1, steps)) : Double.NaN);
                history.add(record);
                if (best != null) {
                    best.offer(record);
                    history.bestEpoch(best.epoch);
                }
                for (FitListener l : all) {
                    l.onEpoch(record, history);
                }
                if (steps >= maxSteps) {
                    break;
                }
                if (stopMonitor != null) {
                    double v = stopMonitor.read(record);
                    if (stopMonitor.improves(v, stopBest, minDelta)) {
                        stopBest = v;
                        sinceImprovement = 0;
                        if (best == null) {
                            history.bestEpoch(epoch);
                        }
                    } else if (++sinceImprovement >= patience) {
                        if (epoch < epochs) {
                            history.markStoppedEarly();
                        }
                        break;
                    }
                }
            }
            if (best != null) {
                best.restore();
            }
        } finally {
            if (best != null) {
                best.close();
            }
        }
        history.totalSeconds((System.nanoTime() - runStart) / 1e9);
        history.compiledGraph(step.usedGraph());
        all.forEach(l -> l.onEnd(history));
        return history;
    }

    /** One optimizer step per batch: forward (compiled where possible), loss, backward, update. */
    private final class Step implements AutoCloseable {
        private final Trainer trainer;
        private final ParameterUpdate optimizerStep;
        private final CompiledGraph graph;
        private boolean usedGraph;

        Step(Trainer trainer, Optimizer optimizer, EngineTuning tuning) {
            this.trainer = trainer;
            this.optimizerStep = tuning.parameterUpdate(trainer, optimizer, model.getBlock());
            // Fit's own loss is known to be the plain softmax cross-entropy, so it can join the graph.
            this.graph = !compiled || trainer.getDevices().length > 1 ? null
                    : tuning.compile(model.getBlock(), model.getNDManager(), defaultLoss).orElse(null);
        }

        /** Whether some step ran the compiled graph. */
        boolean usedGraph() {
            return usedGraph;
        }

        /** Returns {mean loss, correct count or NaN}. */
        float[] take(Batch batch) {
            NDList x = batch.getData();
            NDList y = batch.getLabels();
            if (graph != null && graph.hasLoss() && x.size() == 1 && y.size() == 1) {
                usedGraph = true;
                NDList out;
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    out = graph.forward(x, y);
                    gc.backward(out.get(0));
                }
                update();
                return out.get(1).toFloatArray();
            }
            if (trainer.getDevices().length > 1) {
                return takeSplit(batch);
            }
            NDList pred;
            NDArray lossValue;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                if (graph != null && !graph.hasLoss() && x.size() == 1) {
                    usedGraph = true;
                    pred = graph.forward(x);
                } else {
                    pred = trainer.forward(x, y);
                }
                lossValue = trainer.getLoss().evaluate(y, pred);
                gc.backward(lossValue);
            }
            update();
            return readStats(lossValue, pred, y);
        }

        /**
         * Data parallelism: each device gets a slice of the batch; scaling each slice's mean loss
         * by its share of the batch makes the summed gradients those of the whole batch's mean.
         */
        private float[] takeSplit(Batch batch) {
            int total = batch.getSize();
            double lossSum = 0;
            double correct = 0;
            boolean classification = true;
            Batch[] slices = batch.split(trainer.getDevices(), false);
            try (GradientCollector gc = trainer.newGradientCollector()) {
                for (Batch slice : slices) {
                    NDList y = slice.getLabels();
                    NDList pred = trainer.forward(slice.getData(), y);
                    NDArray lossValue = trainer.getLoss().evaluate(y, pred);
                    int n = slice.getSize();
                    gc.backward(lossValue.mul((float) n / total));
                    float[] stats = readStats(lossValue, pred, y);
                    lossSum += stats[0] * n;
                    classification &= !Float.isNaN(stats[1]);
                    correct += classification ? stats[1] : 0;
                }
            } finally {
                for (Batch slice : slices) {
                    if (slice != batch) {
                        slice.close();
                    }
                }
            }
            optimizerStep.apply(); // the trainer's step: it sums the devices' gradients
            return new float[] {(float) (lossSum / total), classification ? (float) correct : Float.NaN};
        }

        private void update() {
            float scale = clipNorm > 0
                    ? GradientClipping.scaleFor(GradientClipping.globalNorm(model.getBlock()), clipNorm) : 1f;
            optimizerStep.apply(scale); // the update applies the clip's scale: no pass of its own
        }

        @Override
        public void close() {
            if (graph != null) {
                graph.close();
            }
        }
    }

    /** Reads loss and correct count in one transfer from the engine. */
    public static float[] readStats(NDArray lossValue, NDList pred, NDList y) {
        NDArray p = pred.head();
        NDArray label = y.head();
        boolean classification = p.getShape().dimension() == 2 && p.getShape().get(1) > 1
                && label.getShape().size() == p.getShape().get(0);
        if (!classification) {
            return new float[] {lossValue.getFloat(), Float.NaN};
        }
        NDArray correct = p.argMax(1).toType(DataType.FLOAT32, false)
                .eq(label.reshape(p.getShape().get(0)).toType(DataType.FLOAT32, false))
                .toType(DataType.FLOAT32, false).sum();
        float[] both = lossValue.toType(DataType.FLOAT32, false).reshape(1)
                .concat(correct.reshape(1)).toFloatArray();
        return both;
    }

    /** Mean loss and accuracy of the current model on {@code data}, in inference mode. */
    static double[] evaluate(Trainer trainer, Dataset data) throws IOException, TranslateException {
        double lossSum = 0;
        double correct = 0;
        long items = 0;
        boolean classification = true;
        for (Batch batch : trainer.iterateDataset(data)) {
            try (batch) {
                TrainingInterrupted.check("Evaluation");
                NDList pred = trainer.evaluate(batch.getData());
                NDArray l = trainer.getLoss().evaluate(batch.getLabels(), pred);
                float[] stats = readStats(l, pred, batch.getLabels());
                int n = batch.getSize();
                lossSum += stats[0] * n;
                classification &= !Float.isNaN(stats[1]);
                correct += classification ? stats[1] : 0;
                items += n;
            }
        }
        if (items == 0) {
            throw new IllegalArgumentException("the validation data set produced no batches");
        }
        return new double[] {lossSum / items, classification ? correct / items : Double.NaN};
    }

    /** The best parameters so far, copied aside in their own manager. */
    private final class Best implements AutoCloseable {
        private final Monitor monitor;
        private final NDManager store = NDManager.newBaseManager();
        private final Map<String, NDArray> saved = new HashMap<>();
        private double value = Double.NaN;
        private int epoch = -1;

        Best(Monitor monitor) {
            this.monitor = monitor;
        }

        void offer(EpochRecord record) {
            double v = monitor.read(record);
            if (!monitor.improves(v, value, 0)) {
                return;
            }
            value = v;
            epoch = record.epoch();
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                NDArray old = saved.remove(p.getKey());
                if (old != null) {
                    old.close();
                }
                NDArray copy = p.getValue().getArray().duplicate();
                copy.attach(store);
                saved.put(p.getKey(), copy);
            }
            if (checkpointDir != null) {
                try {
                    Files.createDirectories(checkpointDir);
                    model.setProperty("Epoch", String.valueOf(epoch));
                    model.setProperty(monitor.name(), String.valueOf(v));
                    model.save(checkpointDir, model.getName());
                } catch (IOException e) {
                    throw new UncheckedIOException("saving the best model to " + checkpointDir + " failed", e);
                }
            }
        }

        void restore() {
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                NDArray copy = saved.get(p.getKey());
                if (copy != null) {
                    copy.copyTo(p.getValue().getArray());
                }
            }
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
