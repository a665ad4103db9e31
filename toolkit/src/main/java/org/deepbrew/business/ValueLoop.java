package org.deepbrew.business;

import org.deepbrew.display.Display;
import org.deepbrew.display.Html;

import java.util.List;

/**
 * The seeds' loop from data to business value (000, 002, 003): data collection → processing →
 * preprocessing → training → evaluation → business application → feedback, and back to
 * collection. Drawn as an inline SVG whose boxes link to the notebooks that teach each step.
 */
public final class ValueLoop {
    /**
     * One step of the loop and the notebooks that teach it.
     *
     * @param name the step as the seeds name it
     * @param notebooks notebook file names (without {@code .ipynb}), in order
     */
    public record Step(String name, List<String> notebooks) {}

    /** The seven steps, in the seeds' order. */
    public static final List<Step> STEPS = List.of(
            new Step("data collection", List.of("00-getting-started", "02-data-processing", "09-recommender")),
            new Step("processing", List.of("02-data-processing")),
            new Step("preprocessing", List.of("02-data-processing", "06-cnn-image-classification")),
            new Step("training", List.of("03-neurons-and-backprop", "04-optimizers", "05-mlp-mnist",
                    "06-cnn-image-classification", "07-bert-fine-tuning", "08-pretraining")),
            new Step("evaluation", List.of("10-evaluation-and-ab-testing")),
            new Step("business application", List.of("09-recommender", "10-evaluation-and-ab-testing")),
            new Step("feedback", List.of("10-evaluation-and-ab-testing", "09-recommender")));

    private static final int BOX_W = 215;
    private static final int LINE = 15;
    private static final int GAP = 50;

    private ValueLoop() {}

    /** The loop as an SVG drawing: four steps left to right, three back right to left, feedback closing it. */
    public static String svg() {
        int boxH = 30 + LINE * STEPS.stream().mapToInt(s -> s.notebooks().size()).max().orElse(1);
        int top = 20;
        int bottom = top + boxH + 70;
        int width = 4 * BOX_W + 3 * GAP + 40;
        int height = bottom + boxH + 20;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">")
                .append("<defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"8\" refX=\"9\" refY=\"4\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,4 L0,8 z\" fill=\"#555\"/></marker></defs>");
        int[][] at = new int[STEPS.size()][];
        for (int i = 0; i < STEPS.size(); i++) {
            // Top row: steps 0-3 left to right; bottom row: steps 4-6 right to left, under 3, 2, 1.
            int column = i < 4 ? i : 7 - i;
            at[i] = new int[] {20 + column * (BOX_W + GAP), i < 4 ? top : bottom};
        }
        for (int i = 0; i < STEPS.size(); i++) {
            box(sb, STEPS.get(i), at[i][0], at[i][1], boxH);
        }
        int mid = boxH / 2;
        for (int i = 0; i < 3; i++) {
            arrow(sb, at[i][0] + BOX_W, at[i][1] + mid, at[i + 1][0], at[i + 1][1] + mid);
        }
        arrow(sb, at[3][0] + BOX_W / 2, top + boxH, at[4][0] + BOX_W / 2, bottom);
        for (int i = 4; i < 6; i++) {
            arrow(sb, at[i][0], at[i][1] + mid, at[i + 1][0] + BOX_W, at[i + 1][1] + mid);
        }
        // Feedback returns to data collection: the loop that makes a model keep paying.
        int fx = at[6][0];
        sb.append("<path d=\"M").append(fx).append(',').append(bottom + mid).append(" H").append(8).append(" V").append(top + mid)
                .append(" H").append(at[0][0]).append("\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
        return sb.append("</svg>").toString();
    }

    /** The loop, ready to display in a notebook. */
    public static Html diagram() {
        return Display.html(svg());
    }

    private static void box(StringBuilder sb, Step step, int x, int y, int h) {
        sb.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BOX_W).append("\" height=\"").append(h)
                .append("\" rx=\"8\" fill=\"#EAF2FB\" stroke=\"#3A6EA5\"/>")
                .append("<text x=\"").append(x + BOX_W / 2).append("\" y=\"").append(y + 18)
                .append("\" text-anchor=\"middle\" font-weight=\"bold\">").append(step.name()).append("</text>");
        int line = y + 18 + LINE;
        for (String nb : step.notebooks()) {
            sb.append("<a href=\"").append(nb).append(".ipynb\"><text x=\"").append(x + 10).append("\" y=\"").append(line)
                    .append("\" fill=\"#1F4E8C\" text-decoration=\"underline\">").append(nb).append("</text></a>");
            line += LINE;
        }
    }

    private static void arrow(StringBuilder sb, int x1, int y1, int x2, int y2) {
        sb.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2).append("\" y2=\"").append(y2)
                .append("\" stroke=\"#555\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
    }
}
