"""Shared set-up for the kernel's protocol tests: where the `deepbrew` kernelspec lives, a kernel
per test module, and a helper that runs one cell and gathers every message it caused.

The launcher runs these with JUPYTER_PATH=<repo>/target/jupyter; run by hand, the same folder is
added here so `python3 -m pytest kernel/src/test/python` works after `./deepbrew setup`.
"""
import os
import pathlib
import re
import subprocess
import time
from queue import Empty

import pytest
from jupyter_client.manager import KernelManager

ROOT = pathlib.Path(__file__).resolve().parents[4]
KERNEL_NAME = "deepbrew"

_spec_dir = ROOT / "target" / "jupyter"
if str(_spec_dir) not in os.environ.get("JUPYTER_PATH", "").split(os.pathsep):
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in [str(_spec_dir), os.environ.get("JUPYTER_PATH", "")] if p)
# Nothing in a test may reach for the network.
os.environ.setdefault("DJL_OFFLINE", "true")


def java_binary():
    """The java the launcher starts the kernel with: DEEPBREW_JAVA (a binary or a JDK), else PATH's."""
    java = os.environ.get("DEEPBREW_JAVA") or "java"
    return os.path.join(java, "bin", "java") if os.path.isdir(java) else java


def java_feature():
    """The Java release the kernel runs on, such as 17 or 25."""
    out = subprocess.run([java_binary(), "-version"], capture_output=True, text=True).stderr
    return int(re.search(r'version "(\d+)', out).group(1))


def pytest_configure(config):
    kernel_json = _spec_dir / "kernels" / KERNEL_NAME / "kernel.json"
    if not kernel_json.exists() and not any(
            (pathlib.Path(p) / "kernels" / KERNEL_NAME / "kernel.json").exists()
            for p in os.environ["JUPYTER_PATH"].split(os.pathsep) if p):
        raise pytest.UsageError(
            f"no '{KERNEL_NAME}' kernelspec under {kernel_json.parent}: run ./deepbrew setup first")


class Kernel:
    """A running kernel and a blocking client, with helpers that gather a cell's messages."""

    def __init__(self, cwd=None):
        self.km = KernelManager(kernel_name=KERNEL_NAME)
        self.km.start_kernel(cwd=str(cwd or ROOT))
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)
        # iopub messages that belonged to no cell being collected (e.g. updates from background threads)
        self.stray = []

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def submit(self, code, **kwargs):
        """Sends an execute_request and returns its msg_id without waiting."""
        return self.kc.execute(code, **kwargs)

    def collect(self, msg_id, timeout=60):
        """Waits for the reply to msg_id; returns (reply, iopub messages of that cell in order,
        each stamped with the monotonic time it arrived under key 'received')."""
        deadline = time.monotonic() + timeout
        outputs = []
        reply = None
        idle = False
        while reply is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"cell {msg_id} did not finish in {timeout} s; got {len(outputs)} messages")
            if not idle:
                try:
                    msg = self.kc.get_iopub_msg(timeout=min(left, 0.2))
                except Empty:
                    msg = None
                if msg is not None and msg["parent_header"].get("msg_id") != msg_id:
                    msg["received"] = time.monotonic()
                    self.stray.append(msg)
                elif msg is not None:
                    msg["received"] = time.monotonic()
                    if msg["msg_type"] == "status":
                        idle = msg["content"]["execution_state"] == "idle"
                    else:
                        outputs.append(msg)
            if reply is None:
                try:
                    shell = self.kc.get_shell_msg(timeout=0 if not idle else min(left, 0.2))
                except Empty:
                    shell = None
                if shell is not None and shell["parent_header"].get("msg_id") == msg_id:
                    shell["received"] = time.monotonic()
                    reply = shell
        return reply, outputs

    def next_iopub(self, predicate, timeout=10):
        """The first stray or new iopub message that satisfies predicate, or None after timeout."""
        for msg in self.stray:
            if predicate(msg):
                self.stray.remove(msg)
                return msg
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=max(0.0, min(0.2, deadline - time.monotonic())))
            except Empty:
                continue
            msg["received"] = time.monotonic()
            if predicate(msg):
                return msg
            self.stray.append(msg)
        return None

    def run(self, code, timeout=60, **kwargs):
        """Executes code; returns (reply, iopub outputs)."""
        return self.collect(self.submit(code, **kwargs), timeout=timeout)

    def ok(self, code, timeout=60):
        """Executes code that must succeed; returns its iopub outputs."""
        reply, outputs = self.run(code, timeout=timeout)
        assert reply["content"]["status"] == "ok", f"cell failed: {code!r}\n{_error_text(reply, outputs)}"
        return outputs

    def value(self, code, mime="text/plain", timeout=60):
        """Executes code that must succeed and returns its execute_result in `mime`."""
        outputs = self.ok(code, timeout=timeout)
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        assert results, f"no execute_result for {code!r}; got {[m['msg_type'] for m in outputs]}"
        data = results[-1]["content"]["data"]
        assert mime in data, f"{code!r} gave {sorted(data)} but not {mime}"
        return data[mime]


def stdout_of(outputs, name="stdout"):
    return "".join(m["content"]["text"] for m in outputs
                   if m["msg_type"] == "stream" and m["content"]["name"] == name)


def _error_text(reply, outputs):
    errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
    content = errors[0] if errors else reply["content"]
    return f"{content.get('ename')}: {content.get('evalue')}\n" + "\n".join(content.get("traceback", []))


def error_of(reply, outputs):
    """The error content of a failed cell (from iopub, else from the reply)."""
    assert reply["content"]["status"] == "error", f"expected an error, got {reply['content']['status']}"
    errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
    return errors[0] if errors else reply["content"]


@pytest.fixture(scope="module")
def kernel():
    k = Kernel()
    yield k
    k.close()
