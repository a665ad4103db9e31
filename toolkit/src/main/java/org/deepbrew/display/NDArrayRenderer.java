package org.deepbrew.display;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows a DJL {@link NDArray} as a readable summary: shape, data type, device and name; every
 * value when the array is small (at most {@value #MAX_FULL} elements), otherwise the first and
 * last values with min, max and mean. Small 1-D and 2-D arrays also get an HTML table.
 *
 * <p>Showing an array never changes or closes it: intermediate results are closed right away,
 * and a closed array is reported as closed instead of failing.
 */
public final class NDArrayRenderer implements Renderer<NDArray> {
    /** Arrays with at most this many elements are shown in full. */
    public static final int MAX_FULL = 100;
    private static final int EDGE = 5;

    @Override
    public MimeBundle render(NDArray array) {
        if (array.isReleased()) {
            String closed = "NDArray (closed: its memory was released, so its values are gone)";
            return MimeBundle.text(closed).with("text/html", "<i>" + TextForms.escapeHtml(closed) + "</i>");
        }
        Shape shape = array.getShape();
        String header = header(array, shape);
        long size = shape.size();
        if (size <= MAX_FULL) {
            Number[] values = values(array);
            if (values == null) {
                return MimeBundle.text(header);
            }
            String text = header + "\n" + formatNested(values, shape);
            MimeBundle bundle = MimeBundle.text(text);
            if (shape.dimension() <= 2 && size > 0) {
                bundle.with("text/html", htmlTable(header, values, shape));
            }
            return bundle;
        }
        return MimeBundle.text(header + "\n" + summary(array));
    }

    private static String header(NDArray array, Shape shape) {
        StringBuilder h = new StringBuilder("NDArray ");
        h.append(array.getDataType().toString().toLowerCase(java.util.Locale.ROOT)).append(' ').append(shape);
        h.append(" on ").append(array.getDevice());
        String name = array.getName();
        if (name != null && !name.isBlank()) {
            h.append(" \"").append(name).append('"');
        }
        if (shape.size() > MAX_FULL) {
            h.append(" · ").append(TextForms.count(shape.size())).append(" elements");
        }
        return h.toString();
    }

    private static Number[] values(NDArray array) {
        DataType type = array.getDataType();
        if (type == DataType.BOOLEAN) {
            boolean[] b = array.toBooleanArray();
            Number[] n = new Number[b.length];
            for (int i = 0; i < b.length; i++) {
                n[i] = b[i] ? 1 : 0;
            }
            return n;
        }
        if (!isNumeric(type)) {
            return null;
        }
        return array.toArray();
    }

    private static String summary(NDArray array) {
        List<NDArray> temporaries = new ArrayList<>();
        try {
            NDArray numeric = array;
            if (!array.getDataType().isFloating()) {
                if (!isNumeric(array.getDataType()) && !array.getDataType().isBoolean()) {
                    return "(values of type " + array.getDataType() + " are not summarized)";
                }
                numeric = keep(temporaries, array.toType(DataType.FLOAT32, false));
            }
            NDArray flat = keep(temporaries, numeric.flatten());
            Number[] head = keep(temporaries, flat.get(new NDIndex("0:" + EDGE))).toArray();
            Number[] tail = keep(temporaries, flat.get(new NDIndex("-" + EDGE + ":"))).toArray();
            double min = scalar(temporaries, numeric.min());
            double max = scalar(temporaries, numeric.max());
            double mean = scalar(temporaries, numeric.mean());
            return "first " + format(head) + " … last " + format(tail) + "\nmin " + TextForms.number(min) + ", max "
                    + TextForms.number(max) + ", mean " + TextForms.number(mean);
        } catch (RuntimeException e) {
            return "(values could not be summarized: " + e.getMessage() + ")";
        } finally {
            for (NDArray t : temporaries) {
                if (t != array && !t.isReleased()) {
                    t.close();
                }
            }
        }
    }

    private static boolean isNumeric(DataType type) {
        return type.isFloating() || type.isInteger();
    }

    private static double scalar(List<NDArray> temporaries, NDArray value) {
        keep(temporaries, value);
        return keep(temporaries, value.toType(DataType.FLOAT64, false)).getDouble();
    }

    private static NDArray keep(List<NDArray> temporaries, NDArray temporary) {
        temporaries.add(temporary);
        return temporary;
    }

    private static String format(Number[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append(formatNumber(values[i]));
        }
        return s.append(']').toString();
    }

    private static String formatNumber(Number n) {
        return n instanceof Double || n instanceof Float ? TextForms.number(n.doubleValue()) : String.valueOf(n);
    }

    /** Values laid out like the array: rows of the last axis, nested brackets for the others. */
    private static String formatNested(Number[] values, Shape shape) {
        if (shape.dimension() == 0) {
            return values.length == 0 ? "[]" : formatNumber(values[0]);
        }
        StringBuilder out = new StringBuilder();
        appendNested(out, values, shape, 0, 0);
        return out.toString();
    }

    private static int appendNested(StringBuilder out, Number[] values, Shape shape, int axis, int offset) {
        int n = (int) shape.get(axis);
        out.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(axis == shape.dimension() - 1 ? ", " : ",\n" + " ".repeat(axis + 1));
            }
            if (axis == shape.dimension() - 1) {
                out.append(formatNumber(values[offset++]));
            } else {
                offset = appendNested(out, values, shape, axis + 1, offset);
            }
        }
        out.append(']');
        return offset;
    }

    private static String htmlTable(String header, Number[] values, Shape shape) {
        int rows = shape.dimension() == 2 ? (int) shape.get(0) : 1;
        int cols = shape.dimension() == 2 ? (int) shape.get(1) : shape.dimension() == 1 ? (int) shape.get(0) : 1;
        StringBuilder h = new StringBuilder("<div><div style=\"color:#555\">").append(TextForms.escapeHtml(header))
                .append("</div><table><thead><tr><th></th>");
        for (int c = 0; c < cols; c++) {
            h.append("<th>").append(c).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (int r = 0; r < rows; r++) {
            h.append("<tr><th>").append(r).append("</th>");
            for (int c = 0; c < cols; c++) {
                h.append("<td style=\"text-align:right\">").append(formatNumber(values[r * cols + c])).append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table></div>").toString();
    }
}
