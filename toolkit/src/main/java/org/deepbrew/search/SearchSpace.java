package org.deepbrew.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The hyper-parameters a search may try, each with its distribution:
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.builder()
 *         .logUniform("lr", 1e-4, 1e-1)
 *         .choice("hidden", 64, 128, 256)
 *         .build();
 * Params p = space.sample(new Random(42));
 * }</pre>
 *
 * Learning rates and weight decays belong on a log scale: 1e-4..1e-3 matters as much as 1e-2..1e-1.
 */
public final class SearchSpace {
    /** How one hyper-parameter is drawn. */
    public sealed interface Param permits Uniform, LogUniform, IntRange, Choice {
        /** The name the objective reads it by. */
        String name();

        /** One draw. */
        Object sample(Random random);
    }

    /** Uniform on [low, high). */
    public record Uniform(String name, double low, double high) implements Param {
        @Override
        public Object sample(Random random) {
            return low + (high - low) * random.nextDouble();
        }
    }

    /** Log-uniform on [low, high): the exponent is uniform. */
    public record LogUniform(String name, double low, double high) implements Param {
        @Override
        public Object sample(Random random) {
            return Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble());
        }
    }

    /** A uniform integer in [low, high], both ends included. */
    public record IntRange(String name, int low, int high) implements Param {
        @Override
        public Object sample(Random random) {
            return low + random.nextInt(high - low + 1);
        }
    }

    /** One of a fixed list of values, each equally likely. */
    public record Choice(String name, List<Object> values) implements Param {
        @Override
        public Object sample(Random random) {
            return values.get(random.nextInt(values.size()));
        }
    }

    private final List<Param> params;

    private SearchSpace(List<Param> params) {
        this.params = List.copyOf(params);
    }

    /** Starts an empty space. */
    public static Builder builder() {
        return new Builder();
    }

    /** The declared hyper-parameters, in order. */
    public List<Param> params() {
        return params;
    }

    /** One point of the space, every parameter drawn independently. */
    public Params sample(Random random) {
        Objects.requireNonNull(random, "random");
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : params) {
            values.put(p.name(), p.sample(random));
        }
        return new Params(values);
    }

    /** {@code n} points drawn from one seeded generator: the same seed gives the same points. */
    public List<Params> sample(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        Random random = new Random(seed);
        List<Params> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(sample(random));
        }
        return out;
    }

    @Override
    public String toString() {
        return "SearchSpace" + params;
    }

    /** Declares the parameters of a {@link SearchSpace}. */
    public static final class Builder {
        private final List<Param> params = new ArrayList<>();

        private Builder() {}

        /** A real parameter uniform on [low, high). */
        public Builder uniform(String name, double low, double high) {
            range(name, low, high);
            return add(new Uniform(name, low, high));
        }

        /** A positive real parameter whose logarithm is uniform on [log low, log high). */
        public Builder logUniform(String name, double low, double high) {
            range(name, low, high);
            if (!(low > 0)) {
                throw new IllegalArgumentException("log-uniform '" + name + "' needs low > 0, got " + low);
            }
            return add(new LogUniform(name, low, high));
        }

        /** An integer parameter uniform on [low, high], both included. */
        public Builder intRange(String name, int low, int high) {
            if (high < low) {
                throw new IllegalArgumentException("'" + name + "': high " + high + " is below low " + low);
            }
            return add(new IntRange(name, low, high));
        }

        /** A parameter taking one of {@code values}. */
        public Builder choice(String name, Object... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("choice '" + name + "' needs at least one value");
            }
            for (Object v : values) {
                Objects.requireNonNull(v, "choice '" + name + "' has a null value");
            }
            return add(new Choice(name, List.of(values)));
        }

        /** The space; fails when it declares nothing. */
        public SearchSpace build() {
            if (params.isEmpty()) {
                throw new IllegalStateException("a search space needs at least one parameter");
            }
            return new SearchSpace(params);
        }

        private Builder add(Param p) {
            Objects.requireNonNull(p.name(), "name");
            for (Param q : params) {
                if (q.name().equals(p.name())) {
                    throw new IllegalArgumentException("hyper-parameter '" + p.name() + "' declared twice");
                }
            }
            params.add(p);
            return this;
        }

        private static void range(String name, double low, double high) {
            if (!Double.isFinite(low) || !Double.isFinite(high) || !(high > low)) {
                throw new IllegalArgumentException(
                        "'" + name + "' needs finite low < high, got [" + low + ", " + high + ")");
            }
        }
    }
}
