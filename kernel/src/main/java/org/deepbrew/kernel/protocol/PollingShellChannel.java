package org.deepbrew.kernel.protocol;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.MessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that dispatches each request the moment it arrives. Basekernel's
 * channel polls without waiting and then sleeps 50 ms, which puts a floor under every round trip;
 * this one blocks in {@code poll}. A message with a bad signature or unreadable JSON is logged
 * and dropped instead of killing the channel thread.
 */
public final class PollingShellChannel extends ShellChannel {
    private static final Logger LOG = Logger.getLogger(PollingShellChannel.class.getName());
    /** Only bounds how long {@link #close()} waits; requests are handled as soon as they come. */
    private static final int POLL_TIMEOUT_MS = 200;
    private static final long CLOSE_WAIT_MS = 3_000;

    private final boolean control;
    private final JupyterConnection connection;
    private final StopOnError stopOnError;
    private final ZMQ.Context context;
    private volatile boolean running;
    private volatile Thread loop;
    private volatile boolean closeConnectionOnExit;
    /** Owned by the serving thread, like the socket. */
    private ZMQ.Poller poller;
    /** Requests that were waiting when a cell failed, before its error went out (see StopOnError). */
    private final List<Message<?>> waitingBehindFailure = new ArrayList<>();

    public PollingShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection,
                               StopOnError stopOnError) {
        super(context, hmac, control, connection);
        this.context = context;
        this.control = control;
        this.connection = connection;
        this.stopOnError = stopOnError;
        stopOnError.onCellFailed(this::setAsideWaiting);
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        if (loop != null) {
            throw new IllegalStateException((control ? "control" : "shell") + " channel already bound");
        }
        int port = control ? props.getControlPort() : props.getShellPort();
        String address = props.getTransport() + "://" + props.getIp() + ":" + port;
        setLinger(1000);
        bind(address);
        running = true;
        Thread t = new Thread(this::serve, control ? "deepbrew-control" : "deepbrew-shell");
        t.setDaemon(true);
        loop = t;
        t.start();
    }

    private void serve() {
        poller = context.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        try {
            while (running) {
                if (poller.poll(POLL_TIMEOUT_MS) <= 0 || !poller.pollin(0)) {
                    continue;
                }
                Message<?> message = read();
                if (message != null) {
                    dispatch(message);
                }
                answerWaitingBehindFailure();
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.log(Level.SEVERE, name() + " channel failed", e);
            }
        } finally {
            poller.close();
            super.close();
            if (closeConnectionOnExit) {
                connection.close();
            }
        }
    }

    /** The next message, or null when it was dropped (bad signature, unreadable). */
    private Message<?> read() {
        try {
            return readMessage();
        } catch (SecurityException e) {
            LOG.warning("Dropped a message with an invalid signature on the " + name() + " channel");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dropped an unreadable message on the " + name() + " channel", e);
        }
        return null;
    }

    /**
     * Reads every request waiting on the socket now into {@link #waitingBehindFailure}. Runs inside
     * the failed cell's handler, before its error is sent, so none of them can be a reaction to it.
     */
    private void setAsideWaiting() {
        if (Thread.currentThread() != loop) {
            LOG.warning("stop_on_error from outside the " + name() + " channel's thread: nothing aborted");
            return;
        }
        while (running && poller.poll(0) > 0 && poller.pollin(0)) {
            Message<?> message = read();
            if (message != null) {
                waitingBehindFailure.add(message);
            }
        }
    }

    /**
     * After a failed cell: the execute requests set aside are answered "aborted" (with the busy
     * and idle statuses a frontend waits for); the other requests set aside are handled as usual,
     * in the order they came.
     */
    private void answerWaitingBehindFailure() {
        while (!waitingBehindFailure.isEmpty()) {
            Message<?> message = waitingBehindFailure.remove(0);
            if (message.getHeader().getType() != MessageType.EXECUTE_REQUEST) {
                dispatch(message);
                continue;
            }
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            env.setStatusBusy();
            env.reply(new AbortedReply());
            env.setStatusIdle();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(Message message) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            LOG.fine(() -> "No handler for " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Handling " + message.getHeader().getType().getName() + " failed", e);
        } finally {
            try {
                env.resolveDeferrals();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Sending deferred replies failed", e);
            }
        }
        if (env.isMarkedForShutdown()) {
            // Close this socket on its own thread first, then the rest of the connection.
            closeConnectionOnExit = true;
            running = false;
        }
    }

    private String name() {
        return control ? "control" : "shell";
    }

    /** Stops serving; from another thread, also waits until the socket is closed. */
    @Override
    public void close() {
        running = false;
        Thread t = loop;
        if (t == null) {
            super.close();
            return;
        }
        if (Thread.currentThread() != t) {
            try {
                t.join(CLOSE_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True once the serving thread has ended (its socket is then closed). */
    public boolean isStopped() {
        Thread t = loop;
        // The loop's own thread closes the connection only after closing its socket.
        return t == null || !t.isAlive() || t == Thread.currentThread();
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
