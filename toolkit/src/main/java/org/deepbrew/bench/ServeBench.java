package org.deepbrew.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.deepbrew.data.text.LabeledText;
import org.deepbrew.deploy.TextModel;
import org.deepbrew.deploy.onnx.BertOnnxExport;
import org.deepbrew.deploy.onnx.DynamicQuantizer;
import org.deepbrew.deploy.onnx.OnnxModel;
import org.deepbrew.deploy.onnx.OnnxTextClassifier;
import org.deepbrew.deploy.serve.LoadGenerator;
import org.deepbrew.deploy.serve.LoadReport;
import org.deepbrew.deploy.serve.LoadTest;
import org.deepbrew.deploy.serve.ModelServer;
import org.deepbrew.deploy.serve.ModelStats;
import org.deepbrew.nlp.TextSplit;
import org.deepbrew.nlp.bert.BertTextClassifier;
import org.deepbrew.nlp.bert.ImdbSentiment;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code ./deepbrew bench serve}: the notebook-07 sentiment classifier (MiniLM fine-tuned on the IMDb
 * sentences, cached after the first run) served over HTTP in each of its deployment variants, each
 * load-tested by concurrent clients over the test sentences and then sent malformed requests.
 *
 * <p>Prints, per variant {@code v}: {@code size_mb_v=}, {@code accuracy_v=} (of the answers as
 * served), {@code p50_ms_v=}, {@code p95_ms_v=}, {@code p99_ms_v=}, {@code requests_per_second_v=},
 * {@code mean_batch_v=}, {@code refused_v=} (503), {@code lost_v=} (no answer), {@code other_v=}
 * (any other status), {@code malformed_unexpected_v=}, {@code malformed_no_answer_v=},
 * {@code survived_malformed_v=}; then one table.
 *
 * <p>Options: {@code --clients N} (4), {@code --requests N} (4 passes over the test sentences),
 * {@code --malformed N} (1,000), {@code --max-batch N} (the client count), {@code --batch-delay-ms N} (5),
 * {@code --variants a,b} (all), {@code --retrain} (ignore the cached fine-tuned model).
 * {@code DEEPBREW_QUICK=1} fine-tunes briefly, as notebook 07 does in quick mode.
 */
public final class ServeBench {

    /** What every variant is made from: the fine-tuned classifier, where it is saved, the test sentences. */
    public record Trained(BertTextClassifier classifier, Path savedDirectory, Path workDirectory,
            List<LabeledText> test) {}

    /** A model ready to serve and the bytes it takes on disk. */
    public record Candidate(TextModel model, long sizeBytes) {}

    /** Builds one variant from the fine-tuned model; the bench closes the model after measuring it. */
    @FunctionalInterface
    public interface VariantFactory {
        Candidate open(Trained trained) throws Exception;
    }

    /** A named variant: the name becomes the key suffix ({@code accuracy_<name>=}). */
    public record Variant(String name, VariantFactory factory) {}

    private ServeBench() {}

    /** The variants measured, in order: fp32 on DJL/MXNet, then the exported model on ONNX Runtime, fp32 and int8. */
    static List<Variant> variants() {
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("fp32_djl", t -> new Candidate(TextModel.of("sentiment-fp32-djl", t.classifier()),
                bytesOf(t.savedDirectory(), ".params"))));
        // ONNX Runtime gets as many intra-op threads as the MXNet engine has: one core budget for every variant.
        int threads = Runtime.getRuntime().availableProcessors();
        v.add(new Variant("fp32_ort", t -> {
            Path dir = t.workDirectory().resolve("fp32-onnx");
            BertOnnxExport.write(t.classifier(), dir);
            return new Candidate(OnnxTextClassifier.load("sentiment-fp32-ort", dir, threads),
                    Files.size(dir.resolve(BertOnnxExport.MODEL_FILE)));
        }));
        v.add(new Variant("int8_ort", t -> {
            Path dir = t.workDirectory().resolve("int8-onnx");
            // Dense layers and the embedding tables (half the fp32 file) as int8.
            OnnxModel int8 = DynamicQuantizer.perColumn().withEmbeddings()
                    .quantize(BertOnnxExport.toOnnx(t.classifier()));
            BertOnnxExport.writeDirectory(int8, t.classifier(), dir);
            return new Candidate(OnnxTextClassifier.load("sentiment-int8-ort", dir, threads),
                    Files.size(dir.resolve(BertOnnxExport.MODEL_FILE)));
        }));
        return v;
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        TextSplit split = ImdbSentiment.split();
        List<String> texts = split.test().stream().map(LabeledText::text).toList();
        long requests = o.requests > 0 ? Math.max(o.requests, texts.size()) : 4L * texts.size();
        int maxBatch = o.maxBatch > 0 ? o.maxBatch : o.clients;
        Path work = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "deepbrew-serve-bench"));

        Map<String, LoadReport> reports = new LinkedHashMap<>();
        Table summary = Table.create("bench serve", StringColumn.create("variant"), DoubleColumn.create("size MB"),
                DoubleColumn.create("accuracy"), DoubleColumn.create("p50 ms"), DoubleColumn.create("p99 ms"),
                DoubleColumn.create("requests/s"), DoubleColumn.create("mean batch"));
        try (BertTextClassifier classifier = ImdbSentiment.fineTunedOrCached(split, o.retrain)) {
            Trained trained = new Trained(classifier, ImdbSentiment.cacheDirectory(), work, split.test());
            System.out.printf(Locale.ROOT, "bench serve: %d IMDb test sentences, %d clients, %d requests per variant,"
                    + " batches of at most %d within %d ms, %d malformed requests; %d cores%n", texts.size(),
                    o.clients, requests, maxBatch, o.batchDelayMs, o.malformed,
                    Runtime.getRuntime().availableProcessors());
            for (Variant variant : variants()) {
                if (!o.variants.isEmpty() && !o.variants.contains(variant.name())) {
                    continue;
                }
                Candidate c = variant.factory().open(trained);
                try (TextModel model = c.model();
                        ModelServer server = ModelServer.builder().model(model).port(0).maxBatchSize(maxBatch)
                                .maxBatchDelay(Duration.ofMillis(o.batchDelayMs)).build().start()) {
                    Measured m = measure(variant.name(), server, model, split.test(), requests, o);
                    reports.put(variant.name(), m.load);
                    double mb = c.sizeBytes() / 1e6;
                    print(variant.name(), mb, m);
                    summary.stringColumn("variant").append(variant.name());
                    summary.doubleColumn("size MB").append(round(mb, 1));
                    summary.doubleColumn("accuracy").append(round(m.accuracy, 3));
                    summary.doubleColumn("p50 ms").append(round(m.load.p50Ms(), 1));
                    summary.doubleColumn("p99 ms").append(round(m.load.p99Ms(), 1));
                    summary.doubleColumn("requests/s").append(round(m.load.okPerSecond(), 1));
                    summary.doubleColumn("mean batch").append(round(m.stats.meanBatchSize(), 2));
                }
            }
        }
        compare(reports, summary);
        System.out.println(summary.print());
        System.out.println(LoadReport.table(reports).print());
    }

    /** One variant's figures. */
    private record Measured(LoadReport load, double accuracy, ModelStats stats, LoadReport malformed,
            boolean survived) {}

    private static Measured measure(String name, ModelServer server, TextModel model, List<LabeledText> test,
            long requests, Options o) throws Exception {
        LoadTest.Result r = LoadTest.builder().test(test).clients(o.clients).requests(requests).build()
                .run(server, model);
        if (r.scored() != test.size()) {
            System.out.println("warning: only " + r.scored() + " of " + test.size()
                    + " test sentences were answered 200 (" + name + ")");
        }
        URI url = server.predictionsUrl(model.name());
        LoadReport malformed = LoadGenerator.builder().url(url).malformed(13).clients(o.clients)
                .requests(o.malformed).build().run();
        boolean survived = malformed.failures() == 0 && malformed.serverErrors() == 0 && stillServes(server, url);
        return new Measured(r.load(), r.accuracy(), r.stats(), malformed, survived);
    }

    /** After the malformed load: /ping healthy and a real prediction answered. */
    private static boolean stillServes(ModelServer server, URI predictions) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<String> ping = http.send(HttpRequest.newBuilder(server.url().resolve("/ping"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> real = http.send(HttpRequest.newBuilder(predictions).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"A wonderful, moving film.\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return ping.statusCode() == 200 && real.statusCode() == 200 && real.body().contains("\"label\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void print(String v, double mb, Measured m) {
        LoadReport r = m.load;
        System.out.printf(Locale.ROOT, "size_mb_%s=%.1f%n", v, mb);
        System.out.printf(Locale.ROOT, "accuracy_%s=%.3f%n", v, m.accuracy);
        System.out.printf(Locale.ROOT, "p50_ms_%s=%.1f%n", v, r.p50Ms());
        System.out.printf(Locale.ROOT, "p95_ms_%s=%.1f%n", v, r.p95Ms());
        System.out.printf(Locale.ROOT, "p99_ms_%s=%.1f%n", v, r.p99Ms());
        System.out.printf(Locale.ROOT, "requests_per_second_%s=%.1f%n", v, r.okPerSecond());
        System.out.printf(Locale.ROOT, "mean_batch_%s=%.2f%n", v, m.stats.meanBatchSize());
        System.out.printf(Locale.ROOT, "answered_%s=%d%n", v, r.answered(200));
        System.out.printf(Locale.ROOT, "refused_%s=%d%n", v, r.answered(503));
        System.out.printf(Locale.ROOT, "other_%s=%d%n", v, r.answered() - r.answered(200) - r.answered(503));
        System.out.printf(Locale.ROOT, "lost_%s=%d%n", v, r.lost());
        System.out.printf(Locale.ROOT, "malformed_requests_%s=%d%n", v, m.malformed.requests());
        System.out.printf(Locale.ROOT, "malformed_unexpected_%s=%d%n", v, m.malformed.unexpected());
        System.out.printf(Locale.ROOT, "malformed_no_answer_%s=%d%n", v, m.malformed.failures());
        System.out.printf(Locale.ROOT, "survived_malformed_%s=%s%n", v, m.survived);
    }

    /** The targets, when the variants they compare were measured. */
    private static void compare(Map<String, LoadReport> reports, Table summary) {
        LoadReport fp32 = reports.get("fp32_ort");
        LoadReport int8 = reports.get("int8_ort");
        if (fp32 != null && int8 != null) {
            System.out.printf(Locale.ROOT, "int8_over_fp32_ort_throughput=%.2f%n", int8.okPerSecond() / fp32.okPerSecond());
            double a32 = accuracyOf(summary, "fp32_ort");
            double a8 = accuracyOf(summary, "int8_ort");
            System.out.printf(Locale.ROOT, "int8_minus_fp32_ort_accuracy=%.3f%n", a8 - a32);
        }
    }

    private static double accuracyOf(Table summary, String variant) {
        for (int i = 0; i < summary.rowCount(); i++) {
            if (summary.stringColumn("variant").get(i).equals(variant)) {
                return summary.doubleColumn("accuracy").get(i);
            }
        }
        return Double.NaN;
    }

    /** Bytes of the files in {@code dir} whose names end with {@code suffix}. */
    public static long bytesOf(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            long sum = 0;
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(suffix)) {
                    sum += Files.size(p);
                }
            }
            return sum;
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Double.isNaN(v) ? v : Math.round(v * f) / f;
    }

    /** Command-line options. */
    private static final class Options {
        int clients = 4;
        long requests;
        int malformed = 1_000;
        int maxBatch;
        int batchDelayMs = 5;
        boolean retrain;
        List<String> variants = List.of();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--clients" -> o.clients = Integer.parseInt(value(args, ++i, a));
                    case "--requests" -> o.requests = Long.parseLong(value(args, ++i, a));
                    case "--malformed" -> o.malformed = Integer.parseInt(value(args, ++i, a));
                    case "--max-batch" -> o.maxBatch = Integer.parseInt(value(args, ++i, a));
                    case "--batch-delay-ms" -> o.batchDelayMs = Integer.parseInt(value(args, ++i, a));
                    case "--variants" -> o.variants = List.of(value(args, ++i, a).split(","));
                    case "--retrain" -> o.retrain = true;
                    default -> throw new IllegalArgumentException("unknown option '" + a + "'; options: --clients N"
                            + " --requests N --malformed N --max-batch N --batch-delay-ms N --variants a,b --retrain");
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }
}
