package org.deepbrew.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;
import java.util.Map;
import java.util.Objects;
import org.deepbrew.display.DisplaySink;
import org.deepbrew.display.MimeBundle;

/**
 * Publishes {@code Display.display} and {@code Display.updateDisplay} as Jupyter
 * {@code display_data} and {@code update_display_data} messages. Any thread may call it, also
 * after the cell that created a display has ended: messages then belong to the most recent cell.
 */
public final class KernelDisplaySink implements DisplaySink {
    /** Sends one iopub message whose parent is {@code parent}. */
    @FunctionalInterface
    public interface Publisher {
        void publish(Object content, Object parent);
    }

    private final Publisher publisher;
    private final OutputRouter output;

    /**
     * @param publisher sends iopub messages
     * @param output whose buffered text is sent first (so prints and displays keep their order)
     *     and whose current cell is the parent of display messages
     */
    public KernelDisplaySink(Publisher publisher, OutputRouter output) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.output = Objects.requireNonNull(output, "output");
    }

    @Override
    public void display(MimeBundle bundle, String displayId) {
        DisplayData data = toDisplayData(bundle);
        if (displayId != null) {
            data.setDisplayId(displayId);
        }
        send(new PublishDisplayData(data));
    }

    @Override
    public void update(MimeBundle bundle, String displayId) {
        if (displayId == null || displayId.isBlank()) {
            throw new IllegalArgumentException("An update needs the display id of the output it replaces");
        }
        DisplayData data = toDisplayData(bundle);
        data.setDisplayId(displayId);
        send(new PublishUpdateDisplayData(data));
    }

    private void send(Object content) {
        output.flush();
        Object parent = output.parent();
        if (parent != null) {
            publisher.publish(content, parent);
        }
    }

    /** The basekernel form of a bundle: same MIME types, same metadata. */
    public static DisplayData toDisplayData(MimeBundle bundle) {
        DisplayData data = new DisplayData();
        for (Map.Entry<String, Object> e : bundle.data().entrySet()) {
            data.putData(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : bundle.metadata().entrySet()) {
            data.putMetaData(e.getKey(), e.getValue());
        }
        if (!bundle.has("text/plain")) {
            // Every output needs a plain-text form for consoles and notebook previews.
            data.putText(bundle.data().keySet().toString());
        }
        return data;
    }
}
