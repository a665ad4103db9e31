"""Records a class-data sharing (CDS) archive for the DeepBrew kernel.

  cds_training.py ARCHIVE -- JAVA COMMAND THAT STARTS KernelMain (without the connection file)

Starts the kernel with -XX:ArchiveClassesAtExit on a connection file of its own, runs the kinds of
request a notebook sends first (cells with values, output and errors, completion, inspection), and
shuts it down: the JVM then writes every class it loaded into the archive. Later kernel starts map
the archive instead of parsing and verifying those classes again. The archive is written under a
temporary name and renamed into place, so no kernel ever maps a half-written one.
"""
import os
import subprocess
import sys
import tempfile
import time
import uuid
from queue import Empty

from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file

# Cells that load the classes of a typical first minutes: values, output, displays, errors.
TRAINING_CELLS = [
    "1 + 1",
    "",
    'System.out.println("hello"); System.err.println("careful");',
    'String id = display("a"); updateDisplay(id, "b");',
    "int twice(int x) { return 2 * x; }",
    "twice(21)",
    'int broken = "text";',
    'throw new IllegalStateException("training");',
    "%time 1 + 1",
]
TIMEOUT_S = 120


def wait_until_answering(client, kernel):
    """kernel_info until one is answered (the client's own wait_for_ready gives up on a JVM that
    misses a heartbeat while it starts), then drains iopub so no stale status is misread."""
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if kernel.poll() is not None:
            raise RuntimeError(f"the training kernel exited with {kernel.returncode} while starting")
        msg_id = client.kernel_info()
        try:
            while client.get_shell_msg(timeout=1)["parent_header"].get("msg_id") != msg_id:
                pass
        except Empty:
            continue
        while True:
            try:
                client.get_iopub_msg(timeout=0.5)
            except Empty:
                return
    raise RuntimeError(f"the training kernel did not answer within {TIMEOUT_S} s")


def run_session(client, kernel):
    wait_until_answering(client, kernel)
    for code in TRAINING_CELLS:
        client.execute_interactive(code, timeout=TIMEOUT_S, output_hook=lambda msg: None)
    for request in (lambda: client.complete("Math.ma", 7), lambda: client.inspect("Math.max(", 8),
                    lambda: client.is_complete("int x = ")):
        request()
        client.get_shell_msg(timeout=TIMEOUT_S)


def main(argv):
    if len(argv) < 4 or argv[2] != "--":
        sys.exit(__doc__)
    archive = os.path.abspath(argv[1])
    command = argv[3:]
    partial = f"{archive}.{os.getpid()}.partial"
    with tempfile.TemporaryDirectory(prefix="deepbrew-cds-") as tmp:
        connection_file, _ = write_connection_file(os.path.join(tmp, "kernel.json"), ip="127.0.0.1",
                                                   key=uuid.uuid4().hex.encode())
        java = [command[0], f"-XX:ArchiveClassesAtExit={partial}", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                *command[1:], connection_file]
        with open(os.path.join(tmp, "kernel.log"), "w+") as log:
            kernel = subprocess.Popen(java, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
            client = BlockingKernelClient(connection_file=connection_file)
            client.load_connection_file()
            client.start_channels()
            try:
                run_session(client, kernel)
                client.shutdown()
                rc = kernel.wait(timeout=TIMEOUT_S)
            except BaseException:
                kernel.kill()
                kernel.wait()
                _remove(partial)
                raise
            finally:
                client.stop_channels()
            if rc != 0 or not os.path.isfile(partial):
                _remove(partial)
                log.seek(0)
                sys.exit(f"the training kernel exited with {rc} and wrote no archive:\n{log.read()[-4000:]}")
    os.replace(partial, archive)
    print(f"class-data sharing archive: {archive} ({os.path.getsize(archive) // (1 << 20)} MiB)", file=sys.stderr)


def _remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


if __name__ == "__main__":
    main(sys.argv)
