package org.deepbrew.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;
import java.util.ArrayList;
import java.util.List;

/**
 * A history_reply as the protocol defines it: {@code status: ok} and each entry a tuple
 * {@code [session, line, input]} (or {@code [session, line, [input, output]]}).
 * Built here because basekernel's reply has no status and, serialized by its message gson,
 * turns entries into objects.
 */
public final class OkHistoryReply implements ContentType<OkHistoryReply> {
    @SuppressWarnings("unused") // serialized by gson
    private final String status = "ok";
    private final List<List<Object>> history;

    public OkHistoryReply(List<HistoryEntry> entries) {
        this.history = new ArrayList<>(entries.size());
        for (HistoryEntry e : entries) {
            Object io = e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput();
            history.add(List.of(e.getSession(), e.getCellNumber(), io));
        }
    }

    public List<List<Object>> history() {
        return history;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"}) // the wire type is history_reply whatever the Java class
    public MessageType<OkHistoryReply> getType() {
        return (MessageType) MessageType.HISTORY_REPLY;
    }
}
