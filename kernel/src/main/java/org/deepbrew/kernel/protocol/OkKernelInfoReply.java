package org.deepbrew.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;

import java.util.List;

/** A kernel_info_reply with the {@code status} field the protocol requires and basekernel omits. */
public class OkKernelInfoReply extends KernelInfoReply {
    @SuppressWarnings("unused") // serialized by gson
    private final String status = "ok";

    public OkKernelInfoReply(String protocolVersion, String name, String version, LanguageInfo info,
                             String banner, List<LanguageInfo.Help> helpLinks) {
        super(protocolVersion, name, version, info, banner, helpLinks);
    }
}
