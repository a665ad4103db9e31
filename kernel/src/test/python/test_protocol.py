"""Protocol behaviour the jupyter_kernel_test suite does not cover: interrupts, System.exit,
output floods, message signatures, streaming, updatable displays, rich outputs and errors."""
import base64
import os
import re
import struct
import time
from queue import Empty

import pytest
from jupyter_client.session import Session

from conftest import error_of, stdout_of


# ---------------------------------------------------------------- streams

def test_stdout_streams_while_the_cell_runs(kernel):
    reply, outputs = kernel.run(
        'System.out.println("before"); Thread.sleep(1000); System.out.println("after");')
    assert reply["content"]["status"] == "ok"
    streams = [m for m in outputs if m["msg_type"] == "stream"]
    first = next(m for m in streams if "before" in m["content"]["text"])
    last = next(m for m in streams if "after" in m["content"]["text"])
    assert first is not last, "the two lines were sent together, at the end of the cell"
    assert last["received"] - first["received"] >= 0.8, "the first line must arrive as soon as it is printed"
    assert reply["received"] - first["received"] >= 0.8, "the first line must arrive well before the reply"


def test_stderr_is_its_own_stream(kernel):
    outputs = kernel.ok('System.err.println("careful"); System.out.println("fine");')
    assert "careful" in stdout_of(outputs, "stderr")
    assert "careful" not in stdout_of(outputs, "stdout")


def test_a_cell_ending_in_printf_shows_the_text_not_the_stream(kernel):
    outputs = kernel.ok('System.out.printf("%d apples%n", 3)')
    assert "3 apples" in stdout_of(outputs)
    results = [m for m in outputs if m["msg_type"] == "execute_result"]
    assert not results, f"the PrintStream was shown as the cell's value: {results}"
    # Any other value still shows.
    assert "PrintStream" in kernel.value('new java.io.PrintStream(new java.io.ByteArrayOutputStream())')


def test_output_flood_is_capped_and_the_kernel_stays_responsive(kernel):
    reply, outputs = kernel.run(
        'for (int i = 0; i < 300_000; i++) System.out.println("flood line " + i);', timeout=120)
    assert reply["content"]["status"] == "ok"
    text = stdout_of(outputs)
    full = sum(len(f"flood line {i}\n") for i in range(300_000))
    assert "flood line 0\n" in text, "the start of the output is shown"
    assert len(text) < full / 4, f"{len(text)} characters reached the notebook; the cap did not hold"
    note = stdout_of(outputs, "stderr") + "".join(str(m["content"]) for m in outputs if m["msg_type"] != "stream")
    assert re.search(r"(?i)(truncat|limit|suppress|dropp|omitt|skipp)", text + note), "the cap is announced"
    start = time.monotonic()
    assert kernel.value("1 + 1") == "2"
    assert time.monotonic() - start < 5, "the next cell waits for a backlog of output"


# ---------------------------------------------------------------- interrupts and exit

def _interrupted(kernel, code):
    msg_id = kernel.submit(code)
    time.sleep(1.5)
    kernel.km.interrupt_kernel()
    reply, _ = kernel.collect(msg_id, timeout=15)
    return reply


def test_interrupt_stops_a_busy_loop(kernel):
    reply = _interrupted(kernel, "while (true) {}")
    assert reply["content"]["status"] in ("error", "abort")
    assert kernel.value("21 * 2") == "42"


def test_interrupt_stops_a_sleeping_cell(kernel):
    start = time.monotonic()
    reply = _interrupted(kernel, "Thread.sleep(600_000);")
    assert reply["content"]["status"] in ("error", "abort")
    assert time.monotonic() - start < 15
    assert kernel.value("1 + 1") == "2"


def test_system_exit_is_refused_and_the_kernel_lives(kernel):
    reply, outputs = kernel.run("System.exit(3);")
    err = error_of(reply, outputs)
    assert re.search(r"(?i)exit", err["ename"] + err["evalue"] + "\n".join(err["traceback"])), err
    assert kernel.km.is_alive()
    assert kernel.value("40 + 2") == "42"


# ---------------------------------------------------------------- message signatures

def test_message_with_a_bad_signature_is_ignored(kernel):

    sock = kernel.km.connect_shell()
    try:
        forged = Session(key=b"wrong", username="mallory", session=kernel.kc.session.session)
        bad = forged.msg("execute_request", {
            "code": 'System.out.println("forged ran");', "silent": False, "store_history": True,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        forged.send(sock, bad)
        assert sock.poll(3000) == 0, "the kernel answered a message signed with the wrong key"
        # The same socket, properly signed, is answered: the kernel ignored only the forgery.
        good = kernel.kc.session.msg("kernel_info_request", {})
        kernel.kc.session.send(sock, good)
        assert sock.poll(10_000), "the kernel stopped answering after the forged message"
        _, reply = kernel.kc.session.feed_identities(sock.recv_multipart())
        reply = kernel.kc.session.deserialize(reply)
        assert reply["parent_header"]["msg_id"] == good["header"]["msg_id"]
    finally:
        sock.close(linger=0)
    forged_ran = [m for m in kernel.stray if m["msg_type"] == "stream" and "forged ran" in m["content"]["text"]]
    assert not forged_ran
    assert kernel.value("1 + 1") == "2"


# ---------------------------------------------------------------- displays

def _display_id(msg):
    return msg["content"].get("transient", {}).get("display_id")


def test_display_then_update_in_place(kernel):
    outputs = kernel.ok('String id = display("a"); updateDisplay(id, "b");')
    shown = [m for m in outputs if m["msg_type"] == "display_data"]
    updated = [m for m in outputs if m["msg_type"] == "update_display_data"]
    assert len(shown) == 1 and len(updated) == 1, [m["msg_type"] for m in outputs]
    assert _display_id(shown[0]) and _display_id(shown[0]) == _display_id(updated[0])
    assert "a" in shown[0]["content"]["data"]["text/plain"]
    assert "b" in updated[0]["content"]["data"]["text/plain"]
    assert kernel.value("id") .strip('"') == _display_id(shown[0])


def test_update_from_a_background_thread_after_the_cell_ended(kernel):
    reply, outputs = kernel.run(
        'String bg = display("waiting");\n'
        'new Thread(() -> { try { Thread.sleep(1500); } catch (InterruptedException e) { }'
        ' updateDisplay(bg, "finished"); }).start();')
    assert reply["content"]["status"] == "ok"
    shown = next(m for m in outputs if m["msg_type"] == "display_data")
    update = kernel.next_iopub(lambda m: m["msg_type"] == "update_display_data"
                               and _display_id(m) == _display_id(shown), timeout=10)
    assert update is not None, "the background update never arrived"
    assert "finished" in update["content"]["data"]["text/plain"]
    assert update["received"] - reply["received"] > 0.5, "the update came after the cell had ended"


# ---------------------------------------------------------------- rich outputs

def _png_size(b64):
    png = base64.b64decode(b64)
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_tablesaw_table_renders_as_html(kernel):
    html = kernel.value('Table.create("pets", StringColumn.create("name", "Rex", "Tom"),'
                        ' IntColumn.create("age", 3, 5))', mime="text/html")
    assert "<table" in html and "Rex" in html and "age" in html


def test_plotly_figure_renders_as_html_with_a_plot_div(kernel):
    html = kernel.value(
        'Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 3), DoubleColumn.create("y", 2, 4, 8));\n'
        'LinePlot.create("growth", t, "x", "y")', mime="text/html")
    assert re.search(r"<div[^>]+id=", html), "no plot div"
    assert "Plotly" in html or "plotly" in html


def test_xchart_renders_as_png(kernel):
    b64 = kernel.value(
        'XYChart chart = new XYChartBuilder().width(320).height(200).title("c").build();\n'
        'chart.addSeries("s", new double[] {1, 2, 3}, new double[] {3, 1, 2});\nchart', mime="image/png")
    assert _png_size(b64)[0] > 0


def test_buffered_image_renders_as_png(kernel):
    b64 = kernel.value('new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB)',
                       mime="image/png")
    width, height = _png_size(b64)
    assert width >= 40 and height >= 30 and width * 30 == height * 40, (width, height)


def test_ndarray_renders_as_text_with_its_shape(kernel):
    text = kernel.value('NDManager manager = NDManager.newBaseManager();\nmanager.ones(new Shape(2, 3))')
    assert re.search(r"\(2,\s*3\)", text), text


# ---------------------------------------------------------------- errors and redefinition

def test_compile_error_gives_line_and_column(kernel):
    reply, outputs = kernel.run('int fine = 1;\nint broken = "text";')
    err = error_of(reply, outputs)
    text = err["evalue"] + "\n" + "\n".join(err["traceback"])
    assert "incompatible types" in text, text
    assert re.search(r"(?i)line\s*2\b", text), f"no line number in: {text}"
    assert re.search(r"(?i)col(umn)?\s*14\b", text) or re.search(r"\b2:14\b", text), f"no column in: {text}"


def test_runtime_error_trace_shows_user_frames_only(kernel):
    kernel.ok('void explode() { throw new IllegalStateException("kaput"); }')
    reply, outputs = kernel.run("explode();")
    err = error_of(reply, outputs)
    assert "IllegalStateException" in err["ename"]
    assert "kaput" in err["evalue"]
    trace = "\n".join(err["traceback"])
    assert "explode" in trace, trace
    for internal in ("jdk.jshell", "org.deepbrew.kernel", "java.lang.reflect", "jdk.internal.reflect",
                     "io.github.spencerpark"):
        assert internal not in trace, f"{internal} frames leak into: {trace}"


def test_redefinition_across_cells(kernel):
    kernel.ok("int twice(int x) { return 2 * x; }")
    assert kernel.value("twice(21)") == "42"
    kernel.ok("int twice(int x) { return x + x + 1; }")
    assert kernel.value("twice(21)") == "43"
    kernel.ok("class Box { int size() { return 1; } }")
    assert kernel.value("new Box().size()") == "1"
    kernel.ok("class Box { int size() { return 2; } }")
    assert kernel.value("new Box().size()") == "2"
    kernel.ok('String v = "text";')
    kernel.ok("int v = 7;")
    assert kernel.value("v + 1") == "8"


# ---------------------------------------------------------------- stop_on_error

def _gather(kernel, msg_ids, timeout=60):
    """Replies and iopub outputs of several requests sent together, by msg_id."""
    replies, outputs, idle = {}, {m: [] for m in msg_ids}, set()
    deadline = time.monotonic() + timeout
    while len(replies) < len(msg_ids) or len(idle) < len(msg_ids):
        assert time.monotonic() < deadline, f"replies {list(replies)}, idle {idle} after {timeout} s"
        try:
            shell = kernel.kc.get_shell_msg(timeout=0.05)
            if shell["parent_header"].get("msg_id") in outputs:
                replies[shell["parent_header"]["msg_id"]] = shell
        except Empty:
            pass
        try:
            msg = kernel.kc.get_iopub_msg(timeout=0.05)
        except Empty:
            continue
        parent = msg["parent_header"].get("msg_id")
        if parent not in outputs:
            kernel.stray.append(msg)
        elif msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                idle.add(parent)
        else:
            outputs[parent].append(msg)
    return replies, outputs


def test_cells_queued_behind_a_failing_cell_are_aborted(kernel):
    ids = [kernel.submit('Thread.sleep(500); throw new IllegalStateException("first fails");'),
           kernel.submit('System.out.println("second ran");'),
           kernel.submit('System.out.println("third ran");')]
    replies, outputs = _gather(kernel, ids)
    assert replies[ids[0]]["content"]["status"] == "error"
    for queued in ids[1:]:
        assert replies[queued]["content"]["status"] == "aborted", replies[queued]["content"]
        assert not any(m["msg_type"] in ("stream", "execute_result", "error") for m in outputs[queued]), \
            outputs[queued]
    assert "ran" not in stdout_of(kernel.stray), "an aborted cell printed"
    # Sent after the failure was answered: runs.
    assert "fourth ran" in stdout_of(kernel.ok('System.out.println("fourth ran");'))


def _shell_reply(kernel, msg_id, timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        msg = kernel.kc.get_shell_msg(timeout=max(0.01, deadline - time.monotonic()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def test_a_cell_sent_the_instant_a_failure_is_answered_runs(kernel):
    # Only requests that arrived before the error reply went out may be aborted. A client that
    # sends its next cell the moment it reads the error reply must never see it aborted.
    statuses = []
    for i in range(100):
        failed = kernel.submit(f'throw new IllegalStateException("failure {i}");')
        assert _shell_reply(kernel, failed)["content"]["status"] == "error"
        statuses.append(_shell_reply(kernel, kernel.submit(f"{i} + 1"))["content"]["status"])
    assert statuses == ["ok"] * 100, f"{statuses.count('aborted')} of 100 were aborted"
    # Their iopub messages were not collected; none may confuse the next test.
    while True:
        try:
            kernel.stray.append(kernel.kc.get_iopub_msg(timeout=0.5))
        except Empty:
            break


def test_without_stop_on_error_queued_cells_run(kernel):
    ids = [kernel.submit('throw new IllegalStateException("fails");', stop_on_error=False),
           kernel.submit('System.out.println("next ran");')]
    replies, outputs = _gather(kernel, ids)
    assert replies[ids[0]]["content"]["status"] == "error"
    assert replies[ids[1]]["content"]["status"] == "ok"
    assert "next ran" in stdout_of(outputs[ids[1]])


# ---------------------------------------------------------------- stdin

def test_reading_system_in_asks_the_frontend(kernel):
    msg_id = kernel.submit('System.out.print("Name: ");\n'
                           'new java.util.Scanner(System.in).nextLine().toUpperCase()', allow_stdin=True)
    request = kernel.kc.get_stdin_msg(timeout=30)
    assert request["msg_type"] == "input_request"
    assert request["parent_header"]["msg_id"] == msg_id
    kernel.kc.input("ada")
    reply, outputs = kernel.collect(msg_id)
    assert reply["content"]["status"] == "ok", reply["content"]
    assert "Name: " in stdout_of(outputs), "the prompt printed before reading reached the notebook"
    result = next(m for m in outputs if m["msg_type"] == "execute_result")
    assert "ADA" in result["content"]["data"]["text/plain"]


def test_reading_system_in_without_stdin_fails_clearly(kernel):
    start = time.monotonic()
    reply, outputs = kernel.run("new java.util.Scanner(System.in).nextLine()", allow_stdin=False, timeout=30)
    err = error_of(reply, outputs)
    assert "allow_stdin" in err["evalue"] + "\n".join(err["traceback"]), err
    assert time.monotonic() - start < 10, "the cell waited for input nobody could give"


def test_interrupt_ends_a_wait_for_input(kernel):
    msg_id = kernel.submit("new java.util.Scanner(System.in).nextLine()", allow_stdin=True)
    assert kernel.kc.get_stdin_msg(timeout=30)["msg_type"] == "input_request"
    kernel.km.interrupt_kernel()
    reply, _ = kernel.collect(msg_id, timeout=15)
    assert reply["content"]["status"] in ("error", "abort")
    assert kernel.value("6 * 7") == "42"


# ---------------------------------------------------------------- inspection

def test_inspect_shows_javadoc_of_jdk_methods(kernel):
    java_home = kernel.value('System.getProperty("java.home")').strip('"')
    if not any(os.access(p, os.R_OK) for p in (os.path.join(java_home, "lib", "src.zip"),
                                               os.path.join(os.path.dirname(java_home), "src.zip"))):
        pytest.skip(f"no src.zip in {java_home}: the JDK's sources are not installed, so there is no javadoc")
    kernel.kc.inspect("Math.max(1, 2)", 6)
    reply = kernel.kc.get_shell_msg(timeout=60)
    assert reply["msg_type"] == "inspect_reply" and reply["content"]["found"], reply["content"]
    text = reply["content"]["data"]["text/plain"]
    assert "Returns the greater of two int values" in text, text
    assert "{@code" not in text, "javadoc tags were left in"
