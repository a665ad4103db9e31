package org.deepbrew.nlp;

import java.util.Arrays;
import java.util.List;
import org.deepbrew.data.prep.Splits;
import org.deepbrew.data.text.LabeledText;

/**
 * Labelled texts split into train, validation and test sets with the same class balance in each.
 */
public record TextSplit(List<LabeledText> train, List<LabeledText> validation, List<LabeledText> test) {

    /** A seeded stratified split; {@code trainFraction + validationFraction < 1}, the rest is test. */
    public static TextSplit stratified(List<LabeledText> data, double trainFraction, double validationFraction, long seed) {
        int[] labels = data.stream().mapToInt(LabeledText::label).toArray();
        Splits.ThreeWay s = Splits.stratified(labels, trainFraction, validationFraction, seed);
        return new TextSplit(pick(data, s.train()), pick(data, s.validation()), pick(data, s.test()));
    }

    private static List<LabeledText> pick(List<LabeledText> data, int[] indices) {
        return Arrays.stream(indices).mapToObj(data::get).toList();
    }

    @Override
    public String toString() {
        return "train " + train.size() + ", validation " + validation.size() + ", test " + test.size();
    }
}
