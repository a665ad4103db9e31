package org.deepbrew.display;

import ai.djl.util.Progress;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A progress bar that updates in place: label, bar, percent, count, rate, elapsed time, time left,
 * and optional metrics or a message.
 *
 * <pre>{@code
 * try (ProgressMeter bar = ProgressMeter.create("Training", batches)) {
 *     for (Batch b : ...) { ...; bar.step().metrics(Map.of("loss", loss)); }
 * }
 * }</pre>
 *
 * <p>Updates are throttled whatever the call rate: at most 4 a second in a notebook, a plain line
 * every {@value #CONSOLE_INTERVAL_MS} ms on a console. Reaching the total and {@link #close()}
 * always show the final state. All methods are thread-safe. A total of 0 or less means unknown:
 * the bar then shows count, rate and elapsed time only.
 *
 * <p>It is also a DJL {@link Progress}, so DJL's downloads and data-set preparation report to it:
 * {@code dataset.prepare(new ProgressMeter())}. Each DJL {@code reset(...)} starts a new bar. (It
 * is not named ProgressBar so that it never collides with DJL's console one in a notebook.)
 */
public final class ProgressMeter implements AutoCloseable, Displayable, Progress {
    static final long NOTEBOOK_INTERVAL_MS = 250;
    static final long CONSOLE_INTERVAL_MS = 3000;
    private static final int TEXT_BAR_WIDTH = 24;

    private final DisplaySink sink;
    private final Throttle throttle;
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private String label = "";
    private String displayId;
    private long startNanos;
    private long total;
    private long count;
    private String message = "";
    private long endNanos;
    private boolean closed;
    private boolean finishedShown;
    private boolean countsBytes;

    /**
     * A bar that appears when DJL (or a caller) starts it with {@link #reset(String, long, String)},
     * {@link #start(long)} or a first step.
     */
    public ProgressMeter() {
        this.sink = Display.sink();
        this.throttle = new Throttle(sink.showsRichOutput() ? NOTEBOOK_INTERVAL_MS : CONSOLE_INTERVAL_MS, false, this::publish);
    }

    /** Shows a new bar at 0 of {@code total} (0 or less: unknown total). */
    public static ProgressMeter create(String label, long total) {
        ProgressMeter bar = new ProgressMeter();
        bar.reset(label, total, null);
        return bar;
    }

    /**
     * Shows a new bar at 0 of {@code totalBytes} (0 or less: unknown) whose steps are bytes, shown
     * as sizes ({@code 12.3 MB/170.5 MB}) and a transfer rate ({@code 4.1 MB/s}).
     */
    public static ProgressMeter createForBytes(String label, long totalBytes) {
        ProgressMeter bar = new ProgressMeter();
        bar.countsBytes = true;
        bar.reset(label, totalBytes, null);
        return bar;
    }

    /**
     * Iterates over {@code items} with a bar that steps once per item and closes after the last.
     *
     * <pre>{@code
     * for (Path file : ProgressMeter.over("Reading", files)) { ... }
     * }</pre>
     */
    public static <T> Iterable<T> over(String label, Collection<T> items) {
        return () -> {
            ProgressMeter bar = create(label, items.size());
            Iterator<T> it = items.iterator();
            return new Iterator<>() {
                private boolean started;

                @Override
                public boolean hasNext() {
                    boolean more = it.hasNext();
                    if (!more) {
                        if (started) {
                            bar.step();
                        }
                        bar.close();
                    }
                    return more;
                }

                @Override
                public T next() {
                    if (started) {
                        bar.step();
                    }
                    started = true;
                    return it.next();
                }
            };
        };
    }

    /** Advances by one. */
    public ProgressMeter step() {
        return step(1);
    }

    /** Advances by {@code n}. */
    public ProgressMeter step(long n) {
        boolean reachedTotal;
        synchronized (this) {
            showIfNew();
            if (closed) {
                return this;
            }
            count += n;
            reachedTotal = total > 0 && count >= total && !finishedShown;
            if (reachedTotal) {
                finishedShown = true;
                endNanos = System.nanoTime();
            }
        }
        refresh(reachedTotal);
        return this;
    }

    /** Sets the count directly (for example from a callback that reports absolute progress). */
    public ProgressMeter set(long newCount) {
        long delta;
        synchronized (this) {
            delta = newCount - count;
        }
        return step(delta);
    }

    /** Changes the total, e.g. once it becomes known. */
    public ProgressMeter total(long newTotal) {
        synchronized (this) {
            total = newTotal;
        }
        refresh(false);
        return this;
    }

    /** Shows a short message after the numbers. */
    public ProgressMeter message(String text) {
        synchronized (this) {
            message = text == null ? "" : text;
        }
        refresh(false);
        return this;
    }

    /** Shows named metrics (e.g. loss, accuracy) after the numbers; replaces earlier values of the same names. */
    public ProgressMeter metrics(Map<String, ?> values) {
        synchronized (this) {
            metrics.putAll(values);
        }
        refresh(false);
        return this;
    }

    /** Shows the final state and stops the clock. Further steps are ignored until a DJL reset. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed || displayId == null) {
                closed = true;
                return;
            }
            closed = true;
            if (endNanos == 0) {
                endNanos = System.nanoTime();
            }
        }
        throttle.flush();
    }

    /** Starts a new bar (a new output) labelled {@code message}, out of {@code max}. */
    @Override
    public void reset(String message, long max, String trailingMessage) {
        close();
        synchronized (this) {
            label = message == null ? "" : message;
            total = max;
            count = 0;
            this.message = trailingMessage == null ? "" : trailingMessage;
            metrics.clear();
            endNanos = 0;
            closed = false;
            finishedShown = false;
            displayId = null;
            showIfNew();
        }
    }

    /** DJL: starts counting from {@code initialProgress}. */
    @Override
    public void start(long initialProgress) {
        set(initialProgress);
    }

    /** DJL: the task is done; same as {@link #close()}. */
    @Override
    public void end() {
        close();
    }

    /** DJL: advances by {@code increment}. */
    @Override
    public void increment(long increment) {
        step(increment);
    }

    /** DJL: sets the count and the message. */
    @Override
    public void update(long progress, String text) {
        if (text != null) {
            synchronized (this) {
                message = text;
            }
        }
        set(progress);
    }

    /** The id of the output this bar updates ({@code null} before it is first shown). */
    public synchronized String displayId() {
        return displayId;
    }

    /** Steps so far. */
    public synchronized long count() {
        return count;
    }

    /** The total, or 0 or less when unknown. */
    public synchronized long total() {
        return total;
    }

    private void showIfNew() {
        if (displayId == null) {
            displayId = Display.newDisplayId("progress");
            startNanos = System.nanoTime();
            closed = false;
            sink.display(toMimeBundle(), displayId);
        }
    }

    private void publish() {
        MimeBundle bundle;
        String id;
        synchronized (this) {
            bundle = toMimeBundle();
            id = displayId;
        }
        if (id != null) {
            sink.update(bundle, id);
        }
    }

    private void refresh(boolean now) {
        synchronized (this) {
            if (closed || displayId == null) {
                return;
            }
        }
        throttle.request();
        if (now) {
            throttle.flush();
        }
    }

    @Override
    public synchronized MimeBundle toMimeBundle() {
        double elapsed = ((endNanos != 0 ? endNanos : System.nanoTime()) - startNanos) / 1e9;
        double rate = elapsed > 0 ? count / elapsed : 0;
        boolean known = total > 0;
        double fraction = known ? Math.min(1.0, Math.max(0.0, (double) count / total)) : 0;
        String percent = known ? String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100)) : "";
        String numbers = amount(count) + (known ? "/" + amount(total) : "");
        String timing = TextForms.duration(elapsed)
                + (known && count < total ? " < " + (rate > 0 ? TextForms.duration((total - count) / rate) : "?") : "")
                + ", " + rateText(rate);
        String extra = extra();

        StringBuilder plain = new StringBuilder();
        plain.append(label.isEmpty() ? "" : label + " ");
        if (known) {
            int filled = (int) Math.round(fraction * TEXT_BAR_WIDTH);
            plain.append(percent).append(" |").append("█".repeat(filled)).append(" ".repeat(TEXT_BAR_WIDTH - filled))
                    .append("| ");
        }
        plain.append(numbers).append(" [").append(timing).append(']');
        if (!extra.isEmpty()) {
            plain.append(' ').append(extra);
        }

        String html = "<div class=\"deepbrew-progress\" style=\"font-family:monospace;display:flex;align-items:center;gap:8px\">"
                + (label.isEmpty() ? "" : "<span><b>" + TextForms.escapeHtml(label) + "</b></span>")
                + (known ? "<progress value=\"" + count + "\" max=\"" + total + "\" style=\"width:240px\"></progress>"
                        + "<span>" + percent.strip() + "</span>" : "")
                + "<span>" + numbers + "</span>"
                + "<span style=\"color:#666\">[" + TextForms.escapeHtml(timing) + "]</span>"
                + (extra.isEmpty() ? "" : "<span>" + TextForms.escapeHtml(extra) + "</span>")
                + "</div>";
        return MimeBundle.of("text/html", html).with("text/plain", plain.toString());
    }

    private String amount(long n) {
        return countsBytes ? TextForms.bytes(n) : TextForms.count(n);
    }

    private String extra() {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Object> m : metrics.entrySet()) {
            Object v = m.getValue();
            s.append(s.length() == 0 ? "" : " ").append(m.getKey()).append('=')
                    .append(v instanceof Number n && !(v instanceof Integer || v instanceof Long)
                            ? TextForms.number(roundForDisplay(n.doubleValue())) : String.valueOf(v));
        }
        if (!message.isEmpty()) {
            s.append(s.length() == 0 ? "" : " · ").append(message);
        }
        return s.toString();
    }

    private static double roundForDisplay(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double scale = Math.pow(10, 3 - (int) Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }

    private String rateText(double rate) {
        if (rate <= 0) {
            return "?/s";
        }
        if (countsBytes) {
            return TextForms.bytes(Math.round(rate)) + "/s";
        }
        if (rate < 1) {
            return TextForms.number(roundForDisplay(1 / rate)) + " s/it";
        }
        return (rate >= 100 ? TextForms.count(Math.round(rate)) : TextForms.number(roundForDisplay(rate))) + "/s";
    }
}
