package org.deepbrew.kernel.protocol;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.zeromq.ZMQ;

/**
 * The kernel's five Jupyter sockets: basekernel's heartbeat, stdin and iopub, with DeepBrew's own
 * {@link PollingShellChannel}s for shell and control. The shell and control channels live in a
 * ZMQ context of their own, closed before basekernel's.
 */
public final class KernelConnection extends JupyterConnection {
    private static final Logger LOG = Logger.getLogger(KernelConnection.class.getName());

    private final KernelConnectionProperties properties;
    private final ZMQ.Context channelContext = ZMQ.context(1);
    private final PollingShellChannel shellChannel;
    private final PollingShellChannel controlChannel;
    private final StopOnError stopOnError = new StopOnError();
    private final AtomicBoolean connected = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    public KernelConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        HMACGenerator hmac = properties.createHMACGenerator();
        this.shellChannel = new PollingShellChannel(channelContext, hmac, false, this, stopOnError);
        this.controlChannel = new PollingShellChannel(channelContext, hmac, true, this, new StopOnError());
    }

    /** Where a failed cell asks for the execute requests waiting behind it to be aborted. */
    public StopOnError stopOnError() {
        return stopOnError;
    }

    /** Binds every socket, starts serving and announces {@code starting}. */
    @Override
    public void connect() {
        if (!connected.compareAndSet(false, true)) {
            return;
        }
        heartbeat.setLinger(0);
        stdin.setLinger(1000);
        iopub.setLinger(1000);
        heartbeat.bind(properties);
        iopub.bind(properties);
        stdin.bind(properties);
        controlChannel.bind(properties);
        shellChannel.bind(properties);
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    /** Closes our channels, then basekernel's sockets and context; safe from any thread, once. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            controlChannel.close();
            shellChannel.close();
            if (controlChannel.isStopped() && shellChannel.isStopped()) {
                channelContext.close();
            } else {
                LOG.warning("A channel thread did not stop in time; leaving its ZMQ context to process exit");
            }
            super.close();
        } finally {
            closed.countDown();
        }
    }

    /** Blocks until {@link #close()} has run (after a shutdown request). */
    @Override
    public void waitUntilClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
