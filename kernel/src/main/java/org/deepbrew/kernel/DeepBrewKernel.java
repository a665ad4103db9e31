package org.deepbrew.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.KernelInfoRequest;
import java.io.PrintStream;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.deepbrew.display.Display;
import org.deepbrew.display.MimeBundle;
import org.deepbrew.kernel.display.KernelDisplaySink;
import org.deepbrew.kernel.display.OutputRouter;
import org.deepbrew.kernel.jshell.CellExecutor;
import org.deepbrew.kernel.jshell.EvalResult;
import org.deepbrew.kernel.jshell.JShellEvaluator;
import org.deepbrew.kernel.magics.MagicInterpreter;
import org.deepbrew.kernel.protocol.KernelConnection;
import org.deepbrew.kernel.protocol.OkHistoryReply;

/**
 * The DeepBrew Jupyter kernel: Java cells evaluated by JShell in this JVM, values rendered by
 * {@link Display}, output streamed while cells run, interrupts that stop even busy loops.
 */
public final class DeepBrewKernel extends BaseKernel {
    private static final Logger LOG = Logger.getLogger(DeepBrewKernel.class.getName());
    /** The kernel's version, shown in kernel_info. */
    public static final String VERSION = "0.1.0";
    /** How long code analysis (TAB, Shift-TAB) waits for a kernel that is still starting. */
    private static final long ANALYSIS_WAIT_S = 20;

    private final PrintStream consoleOut;
    private final PrintStream consoleErr;
    private final SessionHistory history = new SessionHistory();
    private final CellInput input = new CellInput();
    private final CellExecutor cells;
    private final LanguageInfo languageInfo;
    private volatile CompletableFuture<JShellEvaluator> evaluator;
    private volatile OutputRouter output;
    private volatile JupyterConnection connection;
    private volatile CellInterpreter interpreter;
    private volatile MagicInterpreter magics;

    /**
     * @param consoleOut the process's own stdout, for output printed before any cell
     * @param consoleErr the process's own stderr
     */
    public DeepBrewKernel(PrintStream consoleOut, PrintStream consoleErr) {
        this.consoleOut = consoleOut;
        this.consoleErr = consoleErr;
        this.cells = new CellExecutor();
        this.languageInfo = new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java")
                .fileExtension(".java")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    /**
     * Starts the kernel's machinery: JShell (on the cell thread, in the background, so that
     * kernel_info is answered at once and the first cell waits for it), the stdout/stderr
     * routing and the display sink.
     */
    public void start() {
        evaluator = cells.submit(() -> {
            JShellEvaluator ev = JShellEvaluator.create();
            Thread.currentThread().setContextClassLoader(ev.snippetClassLoader());
            return ev;
        });
    }

    /** Replaces how cells run (by default: magics, then JShell); for embedding and tests. */
    public void setInterpreter(CellInterpreter interpreter) {
        this.interpreter = interpreter;
    }

    /** The evaluator, once JShell has started (waits for it). */
    public JShellEvaluator evaluator() throws Exception {
        try {
            return evaluator.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell could not start: " + e.getCause(), e.getCause());
        }
    }

    /** Cells run here; magics that need the cell thread use it too. */
    public CellExecutor cells() {
        return cells;
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        this.connection = connection;
        this.output = new OutputRouter(this::sendStream, consoleOut, consoleErr);
        System.setOut(output.stdout());
        System.setErr(output.stderr());
        System.setIn(input);
        Display.setSink(new KernelDisplaySink(this::publish, output));
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::handleExecute);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::handleKernelInfo);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::handleHistory);
    }

    private void sendStream(OutputRouter.Stream stream, String text, Object parent) {
        publish(new PublishStream(stream == OutputRouter.Stream.STDOUT
                ? PublishStream.StreamType.OUT : PublishStream.StreamType.ERR, text), parent);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void publish(Object content, Object parent) {
        JupyterConnection c = connection;
        if (c != null) {
            MessageType type = ((ContentType) content).getType();
            c.getIOPub().sendMessage(new Message((MessageContext) parent, type, content));
        }
    }

    // ------------------------------------------------------------------ execute

    private void handleExecute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        String code = request.getCode();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int count = store ? executionCount.getAndIncrement() : executionCount.get();
        env.setStatusBusy();
        try {
            if (!silent) {
                env.publish(new PublishExecuteInput(code, count));
            }
            if (store) {
                history.add(count, code);
            }
            commManager.setMessageContext(message);
            output.beginCell(message);
            input.beginCell(inputFor(message));
            DisplayData result = null;
            Exception error = null;
            try {
                result = code.isBlank() ? null : cells.run(() -> runCell(code, count));
            } catch (Exception e) {
                error = e;
            } finally {
                input.endCell();
                output.endCell();
            }
            if (error == null) {
                if (result != null && !silent) {
                    env.publish(new PublishExecuteResult(count, result));
                }
                if (result != null && store) {
                    Object text = result.getData(MIMEType.TEXT_PLAIN);
                    if (text != null) history.recordOutput(count, text.toString());
                }
                env.reply(new ExecuteReply(count, Collections.emptyMap()));
            } else {
                // Before the error goes out: only requests that came before it may be aborted.
                if (!silent && request.shouldStopOnError() && connection instanceof KernelConnection k) {
                    k.stopOnError().cellFailed();
                }
                ErrorView view = ErrorView.of(error);
                env.publish(new PublishError(view.name(), view.value(), view.traceback()));
                ErrorReply reply = new ErrorReply(view.name(), view.value(), view.traceback());
                reply.setExecutionCount(count);
                env.replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
            }
        } finally {
            env.setStatusIdle();
        }
    }

    /**
     * Where the cell's {@code System.in} reads come from: the frontend's input box when the
     * request allows stdin (a notebook does, nbconvert does not), else a clear error at once
     * rather than a cell that waits for input nobody can give.
     */
    private CellInput.LineSource inputFor(Message<ExecuteRequest> message) {
        if (!message.getContent().isStdinEnabled() || !(connection instanceof KernelConnection k)) {
            return () -> {
                throw new IllegalStateException("This cell cannot read input: the frontend that ran it does not "
                        + "accept input requests (allow_stdin is false). Put the value in the code instead.");
            };
        }
        return () -> {
            // A prompt printed just before shows above the input box.
            output.stdout().flush();
            output.flush();
            return k.requestInput(message, "", false);
        };
    }

    /** On the cell thread: evaluate, then render the value (rendering runs user code too). */
    private DisplayData runCell(String code, int count) throws Exception {
        JShellEvaluator ev = evaluator();
        ev.setCellName("cell [" + count + "]");
        CellInterpreter in = interpreter;
        EvalResult result;
        if (in != null) {
            result = in.run(code);
        } else if (MagicInterpreter.hasMagics(code)) {
            Object value = magics(ev).run(code);
            result = value == null ? EvalResult.NONE : EvalResult.of(value);
        } else {
            result = ev.eval(code);
        }
        if (!result.hasValue() || isStandardStream(result.value())) {
            return null;
        }
        return KernelDisplaySink.toDisplayData(render(result.value()));
    }

    /**
     * A cell that ends in {@code System.out.printf(...)} has the stream itself as its value; its
     * text already went to the output, and "java.io.PrintStream@1b2c3d" would only add noise.
     */
    private static boolean isStandardStream(Object value) {
        return value != null && (value == System.out || value == System.err);
    }

    private MagicInterpreter magics(JShellEvaluator ev) {
        MagicInterpreter m = magics;
        if (m == null) {
            m = MagicInterpreter.withBuiltins(new KernelMagicContext(ev));
            magics = m;
        }
        return m;
    }

    private static MimeBundle render(Object value) {
        try {
            return Display.render(value);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "rendering failed; showing the value as text", e);
            return MimeBundle.text(String.valueOf(value));
        }
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        return cells.run(() -> runCell(code, executionCount.get()));
    }

    // ------------------------------------------------------------------ analysis

    private JShellEvaluator analysisEvaluator() throws Exception {
        try {
            return evaluator.get(ANALYSIS_WAIT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The kernel is still starting; try again in a moment");
        }
    }

    @Override
    public ReplacementOptions complete(String code, int at) throws Exception {
        JShellEvaluator.Completions c = analysisEvaluator().complete(code, at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) throws Exception {
        String doc = analysisEvaluator().inspect(code, at);
        return doc.isEmpty() ? null : new DisplayData(doc);
    }

    @Override
    public String isComplete(String code) {
        try {
            return analysisEvaluator().isComplete(code);
        } catch (Exception e) {
            return IS_COMPLETE_MAYBE;
        }
    }

    @Override
    public HistoryManager getHistoryManager() {
        return history;
    }

    // ------------------------------------------------------------------ info, interrupt, shutdown

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "DeepBrew " + VERSION + " - Java " + Runtime.version() + " (JShell) with DJL, Tablesaw and XChart."
                + " Deep learning in Java, one cell at a time.";
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(new LanguageInfo.Help("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/"),
                new LanguageInfo.Help("DJL", "https://javadoc.io/doc/ai.djl/api/latest/index.html"));
    }

    /**
     * Answers history requests itself: basekernel's own reply omits {@code status} and its
     * entries serialize as objects, where the protocol wants {@code [session, line, input]}.
     */
    private void handleHistory(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryManager manager = getHistoryManager();
        if (manager == null) return;
        HistoryRequest request = message.getContent();
        env.setBusyDeferIdle();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        if (!request.useRaw()) flags.add(HistoryManager.ResultFlag.TRANSFORMED_INPUT);
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> manager.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                var range = (HistoryRequest.Range) request;
                yield manager.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            }
            case SEARCH -> {
                var search = (HistoryRequest.Search) request;
                if (search.filterUnique()) flags.add(HistoryManager.ResultFlag.UNIQUE);
                yield manager.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
        };
        env.reply(new OkHistoryReply(entries == null ? List.of() : entries));
    }

    private void handleKernelInfo(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new org.deepbrew.kernel.protocol.OkKernelInfoReply(Header.PROTOCOL_VERISON, "deepbrew", VERSION, languageInfo, getBanner(),
                getHelpLinks()));
    }

    @Override
    public void interrupt() {
        cells.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        cells.close();
        OutputRouter o = output;
        if (o != null) {
            o.close();
        }
    }

    /** Runs a whole cell; the magics layer implements it to handle {@code %} lines. */
    @FunctionalInterface
    public interface CellInterpreter {
        /** Evaluates {@code code} on the cell thread. */
        EvalResult run(String code) throws Exception;
    }
}
