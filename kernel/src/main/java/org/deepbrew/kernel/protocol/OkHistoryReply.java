package org.deepbrew.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.messages.reply.HistoryReply;

import java.util.List;

/** A history_reply with the {@code status} field the protocol requires and basekernel omits. */
public class OkHistoryReply extends HistoryReply {
    @SuppressWarnings("unused") // serialized by gson
    private final String status = "ok";

    public OkHistoryReply(List<HistoryEntry> history) {
        super(history);
    }
}
