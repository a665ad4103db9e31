package org.deepbrew.display;

import tech.tablesaw.plotly.components.Figure;

/**
 * Shows a Tablesaw plotly {@link Figure} as an interactive plot that needs no network.
 *
 * <p>How it works everywhere a notebook is read:
 * <ul>
 *   <li>The first figure of a kernel session inlines plotly.js into its output
 *       ({@link PlotlyLibrary}); the script is guarded, so re-running it is harmless.</li>
 *   <li>Every figure's own script draws into its own {@code <div>} as soon as
 *       {@code window.Plotly} exists, polling briefly because outputs may be evaluated before
 *       the library's output (page reload) or after it (live session).</li>
 *   <li>So a live Notebook 6 page (require.js present), an nbconvert HTML export (no server, no
 *       kernel) and a reopened saved notebook all draw: each page holds the library once, in the
 *       first figure's saved output.</li>
 * </ul>
 * If the first figure's output is cleared, call {@link PlotlyLibrary#includeAgain()} so that the
 * next figure carries the library. If the library is missing from the build, the output says how
 * to fix it instead of leaving an empty box.
 */
public final class PlotlyFigureRenderer implements Renderer<Figure> {
    private final PlotlyLibrary library;

    /** Uses the library bundled in the toolkit jar. */
    public PlotlyFigureRenderer() {
        this(PlotlyLibrary.shared());
    }

    PlotlyFigureRenderer(PlotlyLibrary library) {
        this.library = library;
    }

    @Override
    public MimeBundle render(Figure figure) {
        String title = figure.getLayout() == null ? null : figure.getLayout().getTitle();
        int traces = figure.getTraces() == null ? 0 : figure.getTraces().length;
        String plain = "Plotly figure" + (title == null || title.isBlank() ? "" : ": " + title) + " (" + traces
                + (traces == 1 ? " trace)" : " traces)");
        if (!library.available()) {
            String message = PlotlyLibrary.missingMessage();
            return MimeBundle.of("text/html", "<div style=\"color:#b00;border:1px solid #b00;padding:6px\">"
                    + TextForms.escapeHtml(message) + "</div>").with("text/plain", plain + "\n" + message);
        }
        String div = Display.newDisplayId("plotly").replace('-', '_');
        String figureScript = stripScriptTags(figure.asJavascript(div));
        String html = library.scriptOncePerSession()
                + "<div id=\"" + div + "\" class=\"deepbrew-plotly\">"
                + "<span style=\"color:#888\">Interactive plot: run the cell, or trust the notebook, to draw it.</span>"
                + "</div>\n"
                + "<script type=\"text/javascript\">\n"
                + "(function () {\n"
                + "  var waited = 0;\n"
                + "  function draw() {\n"
                + "    var box = document.getElementById('" + div + "');\n"
                + "    if (!box) { return; }\n"
                + "    if (!window.Plotly) {\n"
                + "      if ((waited += 100) > 15000) {\n"
                + "        box.textContent = 'plotly.js is not loaded on this page: re-run the first plotting cell, '"
                + " + 'or call PlotlyLibrary.includeAgain() and re-run this cell.';\n"
                + "        return;\n"
                + "      }\n"
                + "      setTimeout(draw, 100);\n"
                + "      return;\n"
                + "    }\n"
                + "    box.innerHTML = '';\n"
                + figureScript + "\n"
                + "  }\n"
                + "  draw();\n"
                + "})();\n"
                + "</script>";
        return MimeBundle.of("text/html", html).with("text/plain", plain);
    }

    private static String stripScriptTags(String script) {
        String s = script.strip();
        int open = s.indexOf('>');
        int close = s.lastIndexOf("</script>");
        if (s.startsWith("<script") && open >= 0 && close > open) {
            return s.substring(open + 1, close);
        }
        return s;
    }
}
