package org.deepbrew.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * Checks in a real browser (headless Chromium, no network) that figures draw where notebooks are
 * read: an nbconvert HTML export and a saved notebook reopened in a live Notebook 6 page, which
 * has require.js. Slow (~20 s) and needs chromium, jupyter-notebook and nbconvert, so it runs only
 * with {@code DEEPBREW_BROWSER=1}.
 */
@EnabledIfEnvironmentVariable(named = "DEEPBREW_BROWSER", matches = "1")
class PlotlyInBrowserTest {
    /** Plotly draws each plot into three SVG layers of this class. */
    private static final Pattern DRAWN = Pattern.compile("class=\"main-svg\"");
    private static final String PLACEHOLDER = "Interactive plot: run the cell";

    @TempDir
    Path dir;

    @Test
    void figuresDrawInAnNbconvertExportAndInAReopenedNotebook() throws Exception {
        Path notebook = writeNotebookWithTwoFigures();

        run(dir, "/usr/bin/jupyter-nbconvert", "--to", "html", notebook.toString());
        String exported = dumpDom("file://" + dir.resolve("plots.html"));
        assertEquals(6, count(exported, DRAWN), "both plots drawn in the nbconvert export");

        Map<String, String> env = jupyterEnv();
        run(dir, env, "/usr/bin/python3", "-c", "import nbformat; from nbformat.sign import NotebookNotary;"
                + "NotebookNotary().sign(nbformat.read('plots.ipynb', 4))");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder server = new ProcessBuilder("/usr/bin/jupyter-notebook", "--no-browser", "--allow-root",
                "--ip=127.0.0.1", "--port=" + port, "--NotebookApp.token=check", "--notebook-dir=" + dir)
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        server.environment().putAll(env);
        Process process = server.start();
        try {
            waitForHttp("http://127.0.0.1:" + port + "/api?token=check");
            String live = dumpDom("http://127.0.0.1:" + port + "/notebooks/plots.ipynb?token=check");
            assertTrue(live.contains("id=\"notebook\""), "the Notebook 6 page loaded");
            assertEquals(6, count(live, DRAWN), "both plots drawn in the reopened notebook (require.js page)");
            assertTrue(!live.contains(PLACEHOLDER), "no plot left undrawn");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Path writeNotebookWithTwoFigures() throws IOException {
        PlotlyFigureRenderer renderer = new PlotlyFigureRenderer(new PlotlyLibrary(PlotlyLibrary.RESOURCE));
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Figure figure = new Figure(Layout.builder().title("plot " + i).build(),
                    ScatterTrace.builder(new double[] {1, 2, 3}, new double[] {i, 2, 1}).build());
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("output_type", "display_data");
            output.put("metadata", Map.of());
            output.put("data", renderer.render(figure).data());
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("cell_type", "code");
            cell.put("id", "cell" + i);
            cell.put("execution_count", i + 1);
            cell.put("metadata", Map.of());
            cell.put("source", "figure" + i);
            cell.put("outputs", List.of(output));
            cells.add(cell);
        }
        Map<String, Object> nb = new LinkedHashMap<>();
        nb.put("nbformat", 4);
        nb.put("nbformat_minor", 5);
        nb.put("metadata", Map.of("kernelspec", Map.of("name", "python3", "display_name", "Python 3", "language", "python")));
        nb.put("cells", cells);
        Path file = dir.resolve("plots.ipynb");
        Files.writeString(file, new GsonBuilder().disableHtmlEscaping().create().toJson(nb));
        return file;
    }

    private Map<String, String> jupyterEnv() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String d : List.of("JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR")) {
            Path p = Files.createDirectories(dir.resolve(d.toLowerCase()));
            env.put(d, p.toString());
        }
        return env;
    }

    private String dumpDom(String url) throws Exception {
        Path out = dir.resolve("dom-" + System.nanoTime() + ".html");
        ProcessBuilder chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--virtual-time-budget=30000", "--dump-dom", url)
                .redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.log").toFile());
        Process p = chromium.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static void run(Path cwd, String... command) throws Exception {
        run(cwd, Map.of(), command);
    }

    private static void run(Path cwd, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + "\n" + output);
    }

    private static void waitForHttp(String url) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
                c.setConnectTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("jupyter-notebook did not start at " + url);
    }

    private static int count(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
