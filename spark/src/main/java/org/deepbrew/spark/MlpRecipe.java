package org.deepbrew.spark;

import ai.djl.nn.Block;
import java.util.Arrays;
import org.deepbrew.models.Mlp;

/**
 * The recipe of a ReLU {@link Mlp}: hidden widths and output count.
 *
 * @param hidden  widths of the hidden layers, in order
 * @param outputs number of outputs (classes)
 */
public record MlpRecipe(int[] hidden, int outputs) implements BlockRecipe {
    private static final long serialVersionUID = 1L;

    public MlpRecipe {
        hidden = hidden.clone();
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be positive, got " + outputs);
        }
    }

    @Override
    public Block build() {
        return Mlp.builder().hidden(hidden).outputs(outputs).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpRecipe r && r.outputs == outputs && Arrays.equals(r.hidden, hidden);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(hidden) + outputs;
    }

    @Override
    public String toString() {
        return "MlpRecipe[hidden=" + Arrays.toString(hidden) + ", outputs=" + outputs + "]";
    }
}
