package org.deepbrew.recsys;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.deepbrew.data.InMemoryDataset;
import org.deepbrew.engine.Devices;
import org.deepbrew.train.Fit;
import org.deepbrew.train.History;

/**
 * The seed's recommender as its code wires it, to show why its printed run never learns.
 *
 * <p>Seed 002 §5 embeds {@code Embedding(input_dim=num_users)}: the network reads who the user
 * is, repeated along the sequence, never which items came before. Its LSTM returns only its last
 * state, and a softmax over the items follows. Each event is one example: input the user's id,
 * label the event's item. Whatever the LSTM does, the input is the same for every event of a
 * user, so the best it can learn is each user's item frequencies. When every user meets every
 * item equally often ({@link SyntheticSequences#cyclic} with lengths a multiple of the item count)
 * those are uniform, and the loss can go no lower than {@code ln(items)}: 2.3026 for 10 items, the
 * seed's printed figure, with accuracy at chance, 1/items. The same events read as item histories by
 * {@link SequenceRecommender#lstm} fall to a loss near 0.
 */
public final class SeedWiring {
    private SeedWiring() {}

    /**
     * Trains the seed's wiring on {@code train} (user {@code u} = {@code train.get(u)}) and
     * validates on {@code validation}, later events of the same users in the same order. Labels
     * are {@code item - 1} over {@code itemCount} classes, as the seed's {@code Dense(num_items)};
     * Fit's default softmax cross-entropy and accuracy report the run.
     */
    public static History fit(List<int[]> train, List<int[]> validation, int itemCount, int epochs, int seed) {
        if (validation.size() != train.size()) {
            throw new IllegalArgumentException("validation must hold later events of the same " + train.size()
                    + " users, got " + validation.size() + " sequences");
        }
        int window = 10;
        try (Model model = Model.newInstance("seed-wiring", Devices.best());
             InMemoryDataset trainSet = events(train, itemCount, window, true);
             InMemoryDataset validationSet = events(validation, itemCount, window, false)) {
            model.setBlock(new UserIdNetwork(train.size(), 16, 32, itemCount));
            return Fit.of(model).epochs(epochs).seed(seed).train(trainSet).validate(validationSet).quiet().run();
        }
    }

    /** One example per event: the user's id repeated {@code window} times, label item - 1. */
    static InMemoryDataset events(List<int[]> sequences, int itemCount, int window, boolean shuffle) {
        int n = 0;
        for (int[] s : sequences) {
            n += s.length;
        }
        float[][] features = new float[n][window];
        float[] labels = new float[n];
        int row = 0;
        for (int u = 0; u < sequences.size(); u++) {
            for (int item : sequences.get(u)) {
                if (item < 1 || item > itemCount) {
                    throw new IllegalArgumentException("user " + u + " has item " + item + ", outside 1.." + itemCount);
                }
                java.util.Arrays.fill(features[row], u);
                labels[row++] = item - 1;
            }
        }
        return InMemoryDataset.builder().batchSize(64).shuffle(shuffle).fromArrays(features, labels);
    }

    /** {@code Embedding(users) -> LSTM (last state only) -> Dense(items)}, as the seed builds it. */
    private static final class UserIdNetwork extends AbstractBlock {
        private final int embeddingSize;
        private final Parameter users;
        private final LSTM lstm;
        private final Linear output;

        UserIdNetwork(int userCount, int embeddingSize, int units, int itemCount) {
            super((byte) 1);
            this.embeddingSize = embeddingSize;
            users = addParameter(NextItemNetwork.table("users", userCount, embeddingSize));
            lstm = addChildBlock("lstm", LSTM.builder().setStateSize(units).setNumLayers(1)
                    .optBatchFirst(true).optReturnState(false).build());
            output = addChildBlock("output", Linear.builder().setUnits(itemCount).build());
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                         PairList<String, Object> params) {
            NDArray ids = inputs.head();
            NDArray table = ps.getValue(users, ids.getDevice(), training);
            NDArray x = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
            NDArray h = lstm.forward(ps, new NDList(x), training).head();
            NDArray last = h.get(":, -1, :");
            return output.forward(ps, new NDList(last), training);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return output.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), 1)});
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape ids = inputShapes[0];
            Shape embedded = new Shape(ids.get(0), ids.get(1), embeddingSize);
            lstm.initialize(manager, dataType, embedded);
            output.initialize(manager, dataType, new Shape(ids.get(0), lstm.getOutputShapes(new Shape[] {embedded})[0].get(2)));
        }
    }
}
