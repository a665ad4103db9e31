"""Binder's build, rehearsed in a fresh Debian root: what repo2docker does, in the order it does it.

repo2docker installs `binder/apt.txt` as root, deletes apt's lists, then runs `binder/postBuild` as
the unprivileged notebook user, and starts every kernel through `binder/start`. This test does the
same in a root made by debootstrap (Ubuntu's archive is not reachable here; Debian's is), with
Jupyter from Debian's packages standing in for the Python environment Binder's base image brings,
and then executes notebook 00 through the kernel as that user, in quick mode as Binder runs it.

What it cannot rehearse: the pod's 1 CPU and 2 GB (no cgroup here to enforce them) and Ubuntu noble
itself; the packages named in apt.txt exist in both.
"""
import os
import pathlib
import re
import shutil
import subprocess
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
CHROOT = REPO / "target" / "binder-root"
SUITE = os.environ.get("DEEPBREW_BINDER_SUITE", "bookworm")
USER, UID = "jovyan", 1000
HOME = pathlib.Path("/home") / USER
# What Binder's base image brings before apt.txt: conda's Python with Jupyter and its clients, and
# conda's Node.js with npm (first on PATH there, which is why apt.txt names neither).
BASE_IMAGE_PACKAGES = ["python3", "jupyter-notebook", "jupyter-client", "python3-nbclient", "python3-nbformat",
                       "nodejs", "npm", "git", "ca-certificates", "procps"]
# How the host points tools at its trusted CAs; the root gets the same file at the same path.
CA_VARIABLES = ["NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "REQUESTS_CA_BUNDLE"]
# Enough for one build and one notebook; a test that hangs must still end.
STEP_TIMEOUT_S = 1800
RESULT = {"passed": False}

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or shutil.which("debootstrap") is None,
                                reason="needs root and debootstrap (./deepbrew test installs it)")


def machine_mirror():
    """The Debian archive this machine's own apt uses: the test reaches nothing apt does not."""
    sources = list(pathlib.Path("/etc/apt/sources.list.d").glob("*.sources")) + \
        [pathlib.Path("/etc/apt/sources.list")]
    for f in sources:
        if not f.exists():
            continue
        text = f.read_text()
        for m in re.finditer(r"^URIs:\s*(\S+)", text, re.M):
            if m.group(1).rstrip("/").endswith("/debian"):
                return m.group(1)
        for m in re.finditer(r"^deb\s+(?:\[[^]]*\]\s+)?(\S+)\s+\S+", text, re.M):
            if m.group(1).rstrip("/").endswith("/debian"):
                return m.group(1)
    pytest.skip("no Debian archive in this machine's apt sources")


def run(cmd, **kw):
    started = time.monotonic()
    print("$", " ".join(cmd) if isinstance(cmd, list) else cmd, flush=True)
    r = subprocess.run(cmd, timeout=STEP_TIMEOUT_S, text=True, capture_output=True, **kw)
    print(f"  ({time.monotonic() - started:.0f} s, rc {r.returncode})", flush=True)
    if r.returncode != 0:
        raise AssertionError(f"{cmd} failed ({r.returncode}):\n{r.stdout[-4000:]}\n{r.stderr[-4000:]}")
    return r.stdout


def in_root(script, user="root"):
    """Runs a bash script inside the root, as root or as the notebook user with a login-like environment."""
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8", "TERM": "dumb"}
    # Node.js reads its own CA list unless told to add the system's (see the trust note in binder_root).
    env.update({k: os.environ[k] for k in CA_VARIABLES if k in os.environ})
    if user == USER:
        env.update(HOME=str(HOME), USER=USER, LOGNAME=USER)
        cmd = ["chroot", f"--userspec={UID}:{UID}", str(CHROOT), "/usr/bin/env", "-i",
               *[f"{k}={v}" for k, v in env.items()], "bash", "-euo", "pipefail", "-c", script]
    else:
        env.update(HOME="/root", DEBIAN_FRONTEND="noninteractive")
        cmd = ["chroot", str(CHROOT), "/usr/bin/env", "-i", *[f"{k}={v}" for k, v in env.items()],
               "bash", "-euo", "pipefail", "-c", script]
    return run(cmd)


@pytest.fixture(scope="module")
def binder_root():
    if CHROOT.exists():
        unmount_all()
        shutil.rmtree(CHROOT)
    CHROOT.parent.mkdir(parents=True, exist_ok=True)
    try:
        run(["debootstrap", "--variant=minbase", SUITE, str(CHROOT), machine_mirror()])
        for what, where, extra in [("proc", "proc", ["-t", "proc"]), ("/dev", "dev", ["--bind"]),
                                   ("/dev/pts", "dev/pts", ["--bind"]), ("/sys", "sys", ["--bind"])]:
            run(["mount", *extra, what, str(CHROOT / where)])
        shutil.copy("/etc/resolv.conf", CHROOT / "etc" / "resolv.conf")
        # The network this runs on may reach the registries through a TLS proxy whose CA the host trusts
        # (Binder's own network needs none): the root trusts what the host trusts, before anything installs.
        local_cas = CHROOT / "usr" / "local" / "share" / "ca-certificates"
        local_cas.mkdir(parents=True, exist_ok=True)
        for ca in pathlib.Path("/usr/local/share/ca-certificates").glob("*.crt"):
            shutil.copy(ca, local_cas / ca.name)
        yield CHROOT
    finally:
        unmount_all()
        # 3 GB of root is no use once the notebook's copy is saved; a failed run's root is kept to look into.
        if RESULT["passed"]:
            shutil.rmtree(CHROOT, ignore_errors=True)


def unmount_all():
    for where in ["sys", "dev/pts", "dev", "proc"]:
        subprocess.run(["umount", "-l", str(CHROOT / where)], capture_output=True)


def test_binder_builds_and_runs_notebook_00(binder_root):
    apt_txt = [line.strip() for line in (REPO / "binder" / "apt.txt").read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    # repo2docker, as root: the base image, then apt.txt, then apt's lists deleted.
    in_root(f"apt-get update -q && apt-get install -y -q --no-install-recommends {' '.join(BASE_IMAGE_PACKAGES)}"
            f" && apt-get install -y -q --no-install-recommends {' '.join(apt_txt)}"
            " && apt-get clean && rm -rf /var/lib/apt/lists/*")
    in_root(f"useradd --create-home --uid {UID} --shell /bin/bash {USER}")
    # The repository as Binder clones it: tracked files only, owned by the notebook user.
    archive = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z"], capture_output=True, check=True).stdout
    repo = binder_root / HOME.relative_to("/") / "repo"
    repo.mkdir(parents=True)
    tar = subprocess.run(["tar", "-C", str(REPO), "--null", "-T", "-", "-cf", "-"], input=archive, check=True,
                         capture_output=True).stdout
    subprocess.run(["tar", "-C", str(repo), "-xf", "-"], input=tar, check=True)
    in_root(f"chown -R {USER}:{USER} {HOME}")

    # As the notebook user, no root and no apt lists: the build must succeed or fail loudly.
    in_root(f"cd {HOME}/repo && binder/postBuild 2>&1", user=USER)
    # The JDK the project tests, whatever `maven` pulled in as the default java.
    version = in_root(f"cd {HOME}/repo && binder/start java -version 2>&1", user=USER)
    assert 'version "17' in version, version
    # Every data set the notebooks read is in place and passes its checksum.
    verified = in_root(f"cd {HOME}/repo && binder/start ./deepbrew data verify 2>&1", user=USER)
    print(verified)
    # The kernelspec is the user's own, and a Jupyter started like Binder's finds it.
    specs = in_root(f"cd {HOME}/repo && binder/start jupyter kernelspec list", user=USER)
    assert "deepbrew" in specs, specs

    # Notebook 00 through the kernel, started the way Binder starts everything: through `start`.
    executed = f"{HOME}/notebook-00-executed.ipynb"
    script = (
        "import nbformat, sys; from nbclient import NotebookClient\n"
        f"nb = nbformat.read('{HOME}/repo/notebooks/00-getting-started.ipynb', as_version=4)\n"
        "NotebookClient(nb, kernel_name='deepbrew', timeout=900, startup_timeout=180,"
        f" resources={{'metadata': {{'path': '{HOME}/repo/notebooks'}}}}).execute()\n"
        f"nbformat.write(nb, '{executed}')\n"
        "ticks = sum(o.get('text', '').count('\\u2713') for c in nb.cells for o in c.get('outputs', [])"
        " if o.get('output_type') == 'stream')\n"
        "print('checks passed:', ticks)\n")
    (binder_root / HOME.relative_to("/") / "run_notebook_00.py").write_text(script)
    out = in_root(f"cd {HOME}/repo && binder/start python3 {HOME}/run_notebook_00.py", user=USER)
    m = re.search(r"checks passed: (\d+)", out)
    assert m and int(m.group(1)) > 0, out[-3000:]
    shutil.copy(binder_root / executed.lstrip("/"), REPO / "target" / "binder-notebook-00.ipynb")
    RESULT["passed"] = True
