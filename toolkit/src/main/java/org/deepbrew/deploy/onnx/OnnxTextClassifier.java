package org.deepbrew.deploy.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.deepbrew.deploy.TextModel;
import org.deepbrew.nlp.onnx.OrtTokenInputs;
import org.deepbrew.nlp.tokenizer.BertTokenizer;
import org.deepbrew.nlp.tokenizer.TokenBatch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * A text classifier exported by {@link BertOnnxExport} (fp32, or rewritten by {@link DynamicQuantizer}),
 * run on ONNX Runtime with the same tokenizer as the Java model.
 *
 * <pre>{@code
 * try (OnnxTextClassifier ort = OnnxTextClassifier.load("sentiment-ort", dir, 1)) {
 *     float[][] p = ort.probabilities(List.of("A wonderful film."));
 * }
 * }</pre>
 *
 * <p>Not thread-safe in the sense of {@link TextModel}: one caller at a time.
 */
public final class OnnxTextClassifier implements TextModel {
    private final String name;
    private final List<String> classNames;
    private final int maxLength;
    private final BertTokenizer tokenizer;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final long modelBytes;

    private OnnxTextClassifier(String name, List<String> classNames, int maxLength, BertTokenizer tokenizer,
                               OrtEnvironment environment, OrtSession session, long modelBytes) {
        this.name = name;
        this.classNames = classNames;
        this.maxLength = maxLength;
        this.tokenizer = tokenizer;
        this.environment = environment;
        this.session = session;
        this.modelBytes = modelBytes;
    }

    /**
     * Loads an export directory ({@code model.onnx}, {@code tokenizer.json}, settings) into an ONNX
     * Runtime session with {@code intraOpThreads} threads (1 leaves the other cores to other models or requests).
     */
    public static OnnxTextClassifier load(String name, Path directory, int intraOpThreads) throws IOException {
        if (intraOpThreads < 1) {
            throw new IllegalArgumentException("intraOpThreads must be at least 1, got " + intraOpThreads);
        }
        Path model = directory.resolve(BertOnnxExport.MODEL_FILE);
        Path settings = directory.resolve(BertOnnxExport.SETTINGS_FILE);
        for (Path required : List.of(model, settings, directory.resolve(BertOnnxExport.TOKENIZER_FILE))) {
            if (!Files.exists(required)) {
                throw new IOException("Not an ONNX classifier export: " + required + " is missing");
            }
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(settings, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        List<String> classNames = List.of(p.getProperty("classNames", "").split("\t"));
        int maxLength = Integer.parseInt(p.getProperty("maxLength", "128").trim());
        BertTokenizer tokenizer = BertTokenizer.load(directory.resolve(BertOnnxExport.TOKENIZER_FILE));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // ORT's idle intra-op threads spin by default; a served model shares its cores with HTTP
            // and client threads, which the spinning starves. bench serve on 2 shared cores: fp32
            // 22-28 req/s spinning, 46-51 without; int8 51-60 and 63-65.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = env.createSession(model.toString(), options);
            return new OnnxTextClassifier(name, classNames, maxLength, tokenizer, env, session, Files.size(model));
        } catch (OrtException e) {
            throw new IOException("ONNX Runtime cannot load " + model + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int maxLength() {
        return maxLength;
    }

    /** Size of {@code model.onnx} in bytes. */
    public long modelBytes() {
        return modelBytes;
    }

    @Override
    public float[][] probabilities(List<String> texts) {
        return run(texts, BertOnnxExport.PROBABILITIES);
    }

    /** The logits of each text, [text][class]. */
    public float[][] logits(List<String> texts) {
        return run(texts, BertOnnxExport.LOGITS);
    }

    private float[][] run(List<String> texts, String output) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        TokenBatch batch = tokenizer.batch(texts, maxLength);
        try (OrtTokenInputs inputs = OrtTokenInputs.of(environment, batch);
             OrtSession.Result result = session.run(inputs.asMap(), Set.of(output))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on model " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Could not close the ONNX Runtime session of " + name, e);
        }
    }
}
