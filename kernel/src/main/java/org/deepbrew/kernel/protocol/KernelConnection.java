package org.deepbrew.kernel.protocol;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import io.github.spencerpark.jupyter.messages.reply.InputReply;
import io.github.spencerpark.jupyter.messages.request.InputRequest;
import java.io.InterruptedIOException;
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

    /** How often a wait for input looks whether its thread was interrupted. */
    private static final int INPUT_POLL_MS = 100;

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

    /**
     * Asks the frontend for a line of input (an input_request on the stdin channel, on behalf of
     * the request {@code parent}) and waits for the answer. Unlike basekernel's own stdin read, the
     * wait ends when the calling thread is interrupted, so an interrupt stops a cell waiting here.
     */
    public String requestInput(Message<?> parent, String prompt, boolean password) throws InterruptedIOException {
        Message<InputRequest> request = new Message<>(parent, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, password));
        synchronized (stdin) {
            ZMQ.Poller poller = channelContext.poller(1);
            poller.register(stdin, ZMQ.Poller.POLLIN);
            try {
                // Answers to earlier requests that were interrupted are stale: drop them first.
                // (Frontends send input_reply without a parent header, so only order tells.)
                while (poller.poll(0) > 0 && poller.pollin(0)) {
                    stdin.readMessage();
                }
                stdin.sendMessage(request);
                while (true) {
                    if (Thread.interrupted()) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("Interrupted while waiting for input");
                    }
                    if (poller.poll(INPUT_POLL_MS) <= 0 || !poller.pollin(0)) {
                        continue;
                    }
                    Message<?> reply = stdin.readMessage();
                    if (reply != null && reply.getContent() instanceof InputReply answer) {
                        return answer.getValue();
                    }
                }
            } finally {
                poller.close();
            }
        }
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
