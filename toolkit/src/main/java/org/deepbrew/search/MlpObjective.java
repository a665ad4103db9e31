package org.deepbrew.search;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.Serializable;
import java.util.Objects;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.data.vision.ImageSet;
import org.deepbrew.models.Mlp;
import org.deepbrew.train.Fit;

/**
 * A ready-made {@link Objective}: trains a ReLU {@link Mlp} classifier through {@link Fit} with Adam
 * for {@code budget} epochs and returns its validation accuracy. It reads the hyper-parameters
 * {@code lr} (required), {@code hidden} (width of the one hidden layer, default 64) and
 * {@code batch} (default 64).
 *
 * <pre>{@code
 * MlpObjective objective = MlpObjective.of(trainImages, validationImages, 10).seed(7);
 * SearchResult r = RandomSearch.of(space).trials(8).budget(3).run(objective);
 * }</pre>
 *
 * <p>It holds its data as plain arrays and is {@link Serializable}, so the same objective can be
 * shipped to other JVMs and run there (trials as Spark tasks). Every trial is repeatable: the
 * initial weights come from the seed, drawn under one JVM-wide lock so that trials running on
 * several threads at once do not interleave their draws from the engine's one random stream.
 */
public final class MlpObjective implements Objective, Serializable {
    private static final long serialVersionUID = 1L;
    /** The engine has one global random stream: seeding and drawing from it must not interleave. */
    private static final Object INIT_LOCK = new Object();

    private final float[] trainX;
    private final float[] trainY;
    private final float[] valX;
    private final float[] valY;
    private final int features;
    private final int classes;
    private int seed = 42;

    private MlpObjective(float[] trainX, int[] trainY, float[] valX, int[] valY, int features, int classes) {
        if (features < 1 || classes < 2) {
            throw new IllegalArgumentException("need at least 1 feature and 2 classes, got " + features + " and " + classes);
        }
        if (trainX.length != (long) trainY.length * features || valX.length != (long) valY.length * features) {
            throw new IllegalArgumentException("features do not match labels: " + trainX.length + " values for "
                    + trainY.length + " training rows and " + valX.length + " for " + valY.length
                    + " validation rows of " + features);
        }
        if (trainY.length == 0 || valY.length == 0) {
            throw new IllegalArgumentException("need training and validation rows");
        }
        this.trainX = trainX.clone();
        this.trainY = toFloats(trainY, classes);
        this.valX = valX.clone();
        this.valY = toFloats(valY, classes);
        this.features = features;
        this.classes = classes;
    }

    /** Flat row-major features ({@code rows x features}) and class indices in [0, classes). */
    public static MlpObjective of(float[] trainX, int[] trainY, float[] valX, int[] valY, int features, int classes) {
        Objects.requireNonNull(trainX, "trainX");
        Objects.requireNonNull(trainY, "trainY");
        Objects.requireNonNull(valX, "valX");
        Objects.requireNonNull(valY, "valY");
        return new MlpObjective(trainX, trainY, valX, valY, features, classes);
    }

    /** Images flattened to rows of pixels, e.g. subsets of Fashion-MNIST. */
    public static MlpObjective of(ImageSet train, ImageSet validation, int classes) {
        if (train.imageSize() != validation.imageSize()) {
            throw new IllegalArgumentException("training images have " + train.imageSize()
                    + " pixels, validation images " + validation.imageSize());
        }
        return of(train.pixels(), train.labels(), validation.pixels(), validation.labels(), train.imageSize(), classes);
    }

    /** The seed of the initial weights and of the shuffling (default 42): the same seed, the same score. */
    public MlpObjective seed(int seed) {
        this.seed = seed;
        return this;
    }

    /** Rows of training data. */
    public int trainingRows() {
        return trainY.length;
    }

    @Override
    public double score(Params params, int budget) {
        float lr = params.getFloat("lr");
        int hidden = params.asMap().containsKey("hidden") ? params.getInt("hidden") : 64;
        int batch = params.asMap().containsKey("batch") ? params.getInt("batch") : 64;
        try (Model model = Model.newInstance("mlp-trial")) {
            model.setBlock(Mlp.builder().hidden(hidden).outputs(classes).build());
            NDManager manager = model.getNDManager();
            synchronized (INIT_LOCK) {
                Engine.getInstance().setRandomSeed(seed);
                model.getBlock().initialize(manager, DataType.FLOAT32, new Shape(1, features));
            }
            try (InMemoryDataset train = InMemoryDataset.builder().batchSize(batch).seed(seed)
                         .fromArrays(manager.create(trainX, new Shape(trainY.length, features)), manager.create(trainY));
                 InMemoryDataset val = InMemoryDataset.builder().batchSize(1000).shuffle(false)
                         .fromArrays(manager.create(valX, new Shape(valY.length, features)), manager.create(valY))) {
                return Fit.of(model).optimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(lr)).build())
                        .epochs(budget).train(train).validate(val).quiet().run().last().valAccuracy();
            }
        }
    }

    private static float[] toFloats(int[] labels, int classes) {
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " at row " + i + " is outside [0, " + classes + ")");
            }
            out[i] = labels[i];
        }
        return out;
    }

    @Override
    public String toString() {
        return "MlpObjective[" + trainY.length + " training rows, " + valY.length + " validation rows, "
                + features + " features, " + classes + " classes, seed " + seed + "]";
    }
}
