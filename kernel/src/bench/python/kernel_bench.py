"""Kernel benchmark: how long a notebook user waits for the DeepBrew kernel.

  cold_start_seconds        process start -> first execute_result of `1 + 1` (median of --starts runs)
  empty_cell_roundtrip_ms   execute_request of an empty cell -> reply and idle (median of --runs)
  expression_roundtrip_ms   the same for `1 + 1`, result included

Run with `./deepbrew bench kernel` (or /usr/bin/python3 kernel/src/bench/python/kernel_bench.py
after ./deepbrew setup). Prints figures; it is not a pass/fail test. Targets on a 2-core machine:
cold start <= 2 s, round trip <= 10 ms.
"""
import argparse
import os
import pathlib
import statistics
import sys
import time
from queue import Empty

from jupyter_client.manager import KernelManager

ROOT = pathlib.Path(__file__).resolve().parents[4]
SPECS = ROOT / "target" / "jupyter"
if str(SPECS) not in os.environ.get("JUPYTER_PATH", "").split(os.pathsep):
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in [str(SPECS), os.environ.get("JUPYTER_PATH")] if p)
os.environ.setdefault("DJL_OFFLINE", "true")


def wait_for(client, msg_id, want_result, timeout=60.0):
    """Blocks until the reply to msg_id and its idle status have arrived (and the execute_result
    when want_result); returns the result's text/plain or None."""
    deadline = time.monotonic() + timeout
    replied = idle = False
    result = None
    while not (replied and idle and (result is not None or not want_result)):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no complete answer to {msg_id} within {timeout} s")
        if not idle or (want_result and result is None):
            try:
                msg = client.get_iopub_msg(timeout=min(left, 0.05))
            except Empty:
                msg = None
            if msg and msg["parent_header"].get("msg_id") == msg_id:
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    idle = True
                elif msg["msg_type"] == "execute_result":
                    result = msg["content"]["data"].get("text/plain")
                elif msg["msg_type"] == "error":
                    raise RuntimeError("cell failed: " + msg["content"]["evalue"])
        if not replied:
            try:
                reply = client.get_shell_msg(timeout=0 if not idle else min(left, 0.05))
            except Empty:
                reply = None
            if reply and reply["parent_header"].get("msg_id") == msg_id:
                replied = True
    return result


def wait_until_answering(client, timeout=120.0):
    """Sends kernel_info requests until one is answered on shell and seen on iopub (so iopub is
    subscribed and no output of the next cell can be lost)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg_id = client.kernel_info()
        shell_ok = iopub_ok = False
        step_end = min(deadline, time.monotonic() + 0.5)
        while time.monotonic() < step_end and not (shell_ok and iopub_ok):
            try:
                reply = client.get_shell_msg(timeout=0.005)
                shell_ok |= reply["parent_header"].get("msg_id") == msg_id
            except Empty:
                pass
            try:
                msg = client.get_iopub_msg(timeout=0.005)
                iopub_ok |= msg["parent_header"].get("msg_id") == msg_id
            except Empty:
                pass
        if shell_ok and iopub_ok:
            return
    raise TimeoutError("the kernel did not answer kernel_info")


def cold_start(kernel_name):
    km = KernelManager(kernel_name=kernel_name)
    start = time.monotonic()
    km.start_kernel(cwd=str(ROOT))
    client = km.client()
    client.start_channels()
    try:
        wait_until_answering(client)
        value = wait_for(client, client.execute("1 + 1"), want_result=True)
        elapsed = time.monotonic() - start
        if value != "2":
            raise RuntimeError(f"1 + 1 gave {value!r}")
        return elapsed, km, client
    except BaseException:
        client.stop_channels()
        km.shutdown_kernel(now=True)
        raise


def roundtrips(client, code, runs, want_result):
    for _ in range(max(10, runs // 10)):  # warm-up: JIT, JShell's first compilations
        wait_for(client, client.execute(code), want_result)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        wait_for(client, client.execute(code), want_result)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kernel", default="deepbrew", help="kernelspec name (default: deepbrew)")
    parser.add_argument("--starts", type=int, default=5, help="cold starts to time (default: 5)")
    parser.add_argument("--runs", type=int, default=200, help="round trips per cell kind (default: 200)")
    args = parser.parse_args()

    starts = []
    for i in range(args.starts):
        elapsed, km, client = cold_start(args.kernel)
        starts.append(elapsed)
        print(f"  cold start {i + 1}/{args.starts}: {elapsed:.2f} s", file=sys.stderr, flush=True)
        if i < args.starts - 1:
            client.stop_channels()
            km.shutdown_kernel(now=True)
    try:
        empty = roundtrips(client, "", args.runs, want_result=False)
        expr = roundtrips(client, "1 + 1", args.runs, want_result=True)
    finally:
        client.stop_channels()
        km.shutdown_kernel(now=True)

    def p90(xs):
        return sorted(xs)[int(0.9 * (len(xs) - 1))]

    print(f"  cold start runs: {', '.join(f'{s:.2f}' for s in starts)} s", file=sys.stderr)
    print(f"  empty cell: median {statistics.median(empty):.2f} ms, p90 {p90(empty):.2f} ms", file=sys.stderr)
    print(f"  1 + 1:      median {statistics.median(expr):.2f} ms, p90 {p90(expr):.2f} ms", file=sys.stderr)
    print(f"cold_start_seconds={statistics.median(starts):.2f}")
    print(f"empty_cell_roundtrip_ms={statistics.median(empty):.2f}")
    print(f"expression_roundtrip_ms={statistics.median(expr):.2f}")


if __name__ == "__main__":
    main()
