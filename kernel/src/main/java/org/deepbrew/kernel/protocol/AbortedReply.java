package org.deepbrew.kernel.protocol;

import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;

/** An execute_reply for a request that was not run: {@code {"status": "aborted"}}. */
public final class AbortedReply implements ContentType<AbortedReply> {
    @SuppressWarnings("unused") // serialized by gson
    private final String status = "aborted";

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"}) // the wire type is execute_reply whatever the Java class
    public MessageType<AbortedReply> getType() {
        return (MessageType) MessageType.EXECUTE_REPLY;
    }
}
