package org.deepbrew.recsys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The leave-last-out split of per-user sequences: for each user the last item is the test target,
 * the one before it the validation target, and everything earlier is training data.
 *
 * <ul>
 *   <li>training sequence: items {@code 0..n-3};</li>
 *   <li>validation case: history = the training sequence, target = item {@code n-2};</li>
 *   <li>test case: history = the training sequence plus the validation item, target = item {@code n-1}.</li>
 * </ul>
 *
 * <p>Users with fewer than {@link #MIN_LENGTH} items cannot give a training item and both targets;
 * their whole sequence goes to training and they get no validation or test case, so they still
 * teach the models without being scored on a case with an empty history.
 *
 * <p>Every user is in both training and evaluation, so a model may keep per-user state; the models
 * here instead read everything from the case's history.
 */
public final class LeaveLastOutSplit {
    /** The shortest sequence that gives a validation and a test case: one training item and two targets. */
    public static final int MIN_LENGTH = 3;

    private final UserSequences sequences;
    private final List<int[]> training;
    private final List<int[]> trainingAndValidation;
    private final List<RankingCase> validation;
    private final List<RankingCase> test;

    private LeaveLastOutSplit(UserSequences sequences, List<int[]> training, List<int[]> trainingAndValidation,
                              List<RankingCase> validation, List<RankingCase> test) {
        this.sequences = sequences;
        this.training = training;
        this.trainingAndValidation = trainingAndValidation;
        this.validation = validation;
        this.test = test;
    }

    /** Splits every user of {@code sequences}. */
    public static LeaveLastOutSplit of(UserSequences sequences) {
        List<int[]> training = new ArrayList<>();
        List<int[]> trainingAndValidation = new ArrayList<>();
        List<RankingCase> validation = new ArrayList<>();
        List<RankingCase> test = new ArrayList<>();
        for (int u = 0; u < sequences.userCount(); u++) {
            int[] s = sequences.items(u);
            int n = s.length;
            if (n < MIN_LENGTH) {
                training.add(s);
                trainingAndValidation.add(s);
                continue;
            }
            int[] train = Arrays.copyOf(s, n - 2);
            int[] withValidation = Arrays.copyOf(s, n - 1);
            training.add(train);
            trainingAndValidation.add(withValidation);
            validation.add(new RankingCase(u, train, s[n - 2]));
            test.add(new RankingCase(u, withValidation, s[n - 1]));
        }
        return new LeaveLastOutSplit(sequences, Collections.unmodifiableList(training),
                Collections.unmodifiableList(trainingAndValidation), Collections.unmodifiableList(validation),
                Collections.unmodifiableList(test));
    }

    /** The sequences that were split. */
    public UserSequences sequences() {
        return sequences;
    }

    /** Number of items in the catalogue. */
    public int itemCount() {
        return sequences.itemCount();
    }

    /** Number of users, including those too short for evaluation. */
    public int userCount() {
        return sequences.userCount();
    }

    /** Training sequences, index = user; the arrays are shared, do not change them. */
    public List<int[]> trainingSequences() {
        return training;
    }

    /**
     * Training sequences with each user's validation item appended, index = user: what a model
     * refits on once its settings are chosen on the validation cases, before the test cases. Equal
     * to the test cases' histories (the arrays are shared, do not change them).
     */
    public List<int[]> trainingAndValidationSequences() {
        return trainingAndValidation;
    }

    /** User {@code user}'s training sequence. */
    public int[] training(int user) {
        return training.get(user).clone();
    }

    /** One validation case per user with at least {@link #MIN_LENGTH} items, in user order. */
    public List<RankingCase> validationCases() {
        return validation;
    }

    /** One test case per user with at least {@link #MIN_LENGTH} items, in user order. */
    public List<RankingCase> testCases() {
        return test;
    }
}
