"""`./deepbrew workshop`: a JupyterHub on 127.0.0.1 where three students log in at once, get a
server each, open a DeepBrew kernel through the hub's REST API and websocket and train a small
model in it.

The install goes to a fresh folder under /tmp (no system-wide kernelspec, no accounts: the
servers run as `nobody`, the rehearsal's spawner), so the servers read the kernel build, the data
and MXNet's library from a folder they cannot write, as a class's students do. Bounded: each
student has STUDENT_TIMEOUT_S in all, and the hub and everything it started are stopped at the
end, failures included.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "workshop"))
import rehearse  # noqa: E402

STUDENTS = 3
HEAP = "512m"
STUDENT_TIMEOUT_S = 180
# Kernels idle this long are culled (a class's default is an hour).
IDLE_S = 20
# Iris is easy: the 2-layer MLP fits the 150 flowers after 20 epochs (0.987 measured).
ACCURACY_FLOOR = 0.9

pytestmark = [
    pytest.mark.skipif(os.geteuid() != 0, reason="the workshop starts servers as another account: run as root"),
    pytest.mark.skipif(shutil.which("jupyterhub") is None or shutil.which("configurable-http-proxy") is None,
                       reason="no jupyterhub (./deepbrew setup tests installs it)"),
]


@pytest.fixture(scope="module")
def prefix():
    folder = tempfile.mkdtemp(prefix="deepbrew-workshop-")
    try:
        subprocess.run([str(ROOT / "deepbrew"), "workshop", "install", "--prefix", folder,
                        "--no-system-kernelspec", "--no-cds"],
                       check=True, timeout=600, stdin=subprocess.DEVNULL)
        yield pathlib.Path(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def rehearsal(prefix):
    state = tempfile.mkdtemp(prefix="deepbrew-workshop-state-")
    try:
        result = rehearse.rehearse(str(prefix), STUDENTS, state, heap=HEAP, timeout=STUDENT_TIMEOUT_S,
                                   idle_seconds=IDLE_S)
        rehearse.print_table(result)
        yield result
    finally:
        shutil.rmtree(state, ignore_errors=True)


def test_install_lays_out_a_folder_every_account_can_read(prefix):
    for part in ["app/deepbrew", "app/target/kernel.classpath", "data/sklearn-tables/iris.csv",
                 "engines/mxnet/libmxnet.so", "notebooks/10-evaluation-and-ab-testing.ipynb",
                 "share/jupyter/kernels/deepbrew/kernel.json"]:
        path = prefix / part
        assert path.exists(), f"workshop install made no {part}"
        assert path.stat().st_mode & 0o004, f"{part} is not readable by every account"
        assert not path.stat().st_mode & 0o022, f"{part} is writable by accounts other than root"
    classpath = (prefix / "app/target/kernel.classpath").read_text().strip().split(":")
    assert all(entry.startswith(str(prefix / "app") + "/") for entry in classpath), \
        "the installed kernel's classpath names jars outside the installed folder"
    assert all(pathlib.Path(entry).is_file() for entry in classpath)


def _files(folder):
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def test_every_notebook_data_set_resolves_from_the_read_only_folder(prefix):
    # What the notebooks load goes through DatasetResolver.resolve, as `data fetch` does: run as
    # an account that cannot write the folder, it must find everything there and change nothing.
    names = re.search(r"^NOTEBOOK_DATASETS=\(([^)]*)\)", (ROOT / "deepbrew").read_text(), re.M).group(1).split()
    home = tempfile.mkdtemp(prefix="deepbrew-workshop-home-")  # pytest's tmp_path is root's alone
    try:
        shutil.chown(home, "nobody")
        before = _files(prefix / "data")
        run = subprocess.run(["runuser", "-u", "nobody", "--", "env", f"HOME={home}", f"DEEPBREW_DATA={prefix}/data",
                              str(prefix / "app/deepbrew"), "data", "fetch", *names],
                             capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert all(f"✓ {name}" in run.stdout for name in names), run.stdout
    assert _files(prefix / "data") == before, "resolving the data sets changed the shared folder"


def test_every_student_trains_a_model_in_a_deepbrew_kernel(rehearsal):
    failures = {r.name: r.failure for r in rehearsal.reports if r.failure}
    assert not failures, f"students who got no answer: {failures}\nhub log:\n{rehearsal.hub_log}"
    assert len(rehearsal.reports) == STUDENTS
    for r in rehearsal.reports:
        assert r.login_ok
        assert float(r.values["accuracy"]) >= ACCURACY_FLOOR, f"{r.name}: {r.answer.stdout}"


def test_the_answers_agree(rehearsal):
    # Same data, same seeds, one thread each: every student's kernel computes the same model.
    assert len({r.values["accuracy"] for r in rehearsal.reports}) == 1, \
        [(r.name, r.values.get("accuracy")) for r in rehearsal.reports]


def test_kernels_run_unprivileged_with_the_per_student_limits(rehearsal):
    for r in rehearsal.reports:
        assert r.values["user"] == "nobody", f"{r.name}'s kernel ran as {r.values['user']}"
        assert r.values["threads"] == "1", f"{r.name}'s kernel had OMP_NUM_THREADS={r.values['threads']}"
        # maxMemory is -Xmx less one survivor space: at most the cap, and not far below it.
        assert 256 <= int(r.values["heap"]) <= 512, f"{r.name}'s kernel heap is {r.values['heap']} MiB, not -Xmx{HEAP}"


def test_students_share_one_read_only_data_folder_and_engine(rehearsal, prefix):
    for r in rehearsal.reports:
        assert r.values["writable"] == "false", f"{r.name}'s kernel can write the shared data folder"
    assert len(rehearsal.engines) == STUDENTS, f"found {len(rehearsal.engines)} kernels of {STUDENTS}"
    assert set(rehearsal.engines.values()) == {str(prefix / "engines/mxnet/libmxnet.so")}, \
        f"kernels loaded MXNet from {set(rehearsal.engines.values())}, not the one shared copy"


def test_idle_kernels_are_culled(rehearsal):
    # Culling runs every 10 s: an idle kernel goes between IDLE_S and IDLE_S + 10 s after its cell.
    assert rehearsal.culled_after_s is not None, f"kernels still ran {3 * IDLE_S + 30} s after their last cell"
    assert rehearsal.culled_after_s <= IDLE_S + 15


def test_the_shared_password_is_required(rehearsal):
    assert not rehearsal.wrong_password_let_in


def test_stopping_the_hub_stops_every_server_and_kernel(rehearsal):
    assert rehearsal.left_running == [], f"processes of the hub's run still alive: {rehearsal.left_running}"


def test_first_cells_answer_in_bounded_time(rehearsal):
    for r in rehearsal.reports:
        assert r.spawn_s < 60, f"{r.name}'s server took {r.spawn_s:.0f} s to start"
        assert r.cell_s < 120, f"{r.name}'s first cell took {r.cell_s:.0f} s"
