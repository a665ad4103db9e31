"""Rehearses a workshop: starts the hub on 127.0.0.1, logs N students in at once and has each
train a small model in a DeepBrew kernel, as a class does in its first minutes.

  rehearse.py --prefix /srv/deepbrew --users 30 [--heap 1g] [--threads 1] [--timeout 900]
              [--memory-limit-gib 18] [--state DIR]

Prints, per student, the seconds from asking for a server to its answering, from asking for a
kernel to its answering, and from sending the first cell to its reply; then the machine's memory
in use (MemTotal - MemAvailable) before and at peak, and the peak PSS of the rehearsal's own
processes. Everything it started is stopped at the end, also on failure or Ctrl-C. The workshop test (kernel/src/test/python/test_workshop.py) drives the
same classes with three students.
"""
import argparse
import asyncio
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

# Thirty students at once: tornado's client would otherwise queue all but ten requests.
AsyncHTTPClient.configure(None, max_clients=200)

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIG = os.path.join(HERE, "jupyterhub_config.py")

# What each student runs first: a 2-layer MLP on the 150 iris flowers through Fit, 20 epochs, and
# what the kernel sees of its limits. The answer is one line the checks parse.
TRAINING_CELL = """\
Table iris = Tables.iris().removeColumns("target");
String[] features = iris.columnNames().stream().filter(n -> !n.equals("class")).toArray(String[]::new);
InMemoryDataset flowers = InMemoryDataset.builder().batchSize(16).seed(1)
    .from(Scalers.standard().fit(iris, features).transform(iris), "class");
Model net = Model.newInstance("workshop-check");
net.setBlock(Mlp.builder().hidden(16).activation(Activation::relu).outputs(3).build());
Fit.of(net).optimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.02f)).build())
    .epochs(20).train(flowers).seed(7).quiet().run();
double accuracy = Predictions.of(net, flowers).confusion(flowers.classNames()).accuracy();
net.close(); flowers.close();
System.out.printf("workshop-check accuracy=%.4f user=%s maxHeapMiB=%d threads=%s dataWritable=%b%n",
    accuracy, System.getProperty("user.name"), Runtime.getRuntime().maxMemory() >> 20,
    System.getenv("OMP_NUM_THREADS"), Files.isWritable(Notebook.dataDir()));
"""
ANSWER = re.compile(r"workshop-check accuracy=(?P<accuracy>[0-9.]+) user=(?P<user>\S+) "
                    r"maxHeapMiB=(?P<heap>\d+) threads=(?P<threads>\S+) dataWritable=(?P<writable>\w+)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MemorySampler:
    """Samples the machine's memory in use (MemTotal - MemAvailable) twice a second and, every
    few seconds, the proportional set size (PSS) of the processes own() names: their share of
    the machine, each shared page (one libmxnet.so for all kernels) split among its users, and
    unlike MemAvailable blind to whatever else runs on the machine."""

    def __init__(self, interval=0.5, limit_bytes=None, own=None, own_every=4):
        self.interval = interval
        self.baseline = self.peak = self.used_bytes()
        self.own = own
        self.own_every = own_every
        self.own_peak = 0
        # Past limit_bytes, on_exceeded() is called once (the rehearsal stops its hub then).
        self.limit_bytes = limit_bytes
        self.on_exceeded = None
        self.exceeded = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def used_bytes():
        info = {}
        with open("/proc/meminfo") as f:
            for line in f:
                key, value = line.split(":", 1)
                info[key] = int(value.split()[0]) * 1024
        return info["MemTotal"] - info["MemAvailable"]

    @staticmethod
    def pss_bytes(pids):
        total = 0
        for pid in pids:
            try:
                with open("/proc/%d/smaps_rollup" % pid) as f:
                    for line in f:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1]) * 1024
                            break
            except OSError:
                continue  # ended meanwhile
        return total

    def _run(self):
        ticks = 0
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, self.used_bytes())
            ticks += 1
            if self.own is not None and ticks % self.own_every == 0:
                self.own_peak = max(self.own_peak, self.pss_bytes(self.own()))
            if self.limit_bytes and self.peak > self.limit_bytes and not self.exceeded:
                self.exceeded = True
                if self.on_exceeded:
                    self.on_exceeded()

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.used_bytes())


class Hub:
    """A workshop hub on 127.0.0.1 with a shared password and an API token, in a state folder of
    its own. Every process it causes carries a marker in its environment; stop() ends the hub
    (which stops the students' servers) and then any marked process still alive."""

    def __init__(self, prefix, state, heap="1g", threads="1", idle_minutes=60, idle_seconds=None, quick=None):
        self.prefix = prefix
        self.state = state
        self.password = secrets.token_urlsafe(12)
        self.token = secrets.token_hex(24)
        self.run_id = uuid.uuid4().hex
        self.port = free_port()
        self.settings = {
            "PREFIX": prefix, "STATE": os.path.join(state, "hub"), "HOMES": os.path.join(state, "homes"),
            "IP": "127.0.0.1", "PORT": str(self.port),
            "HUB_PORT": str(free_port()), "PROXY_API_PORT": str(free_port()),
            "SHARED_PASSWORD": self.password, "API_TOKEN": self.token, "RUN": self.run_id,
            "HEAP": heap, "THREADS": str(threads), "IDLE_MINUTES": str(idle_minutes),
        }
        if idle_seconds:
            self.settings["IDLE_SECONDS"] = str(idle_seconds)
        self.quick = quick
        self.log_path = os.path.join(state, "hub.log")
        self.proc = None
        self.outlived = []

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.port

    def start(self, timeout=90):
        os.makedirs(self.state, exist_ok=True)
        # The servers' account must reach the homes inside; the hub's secrets sit in hub/ (0700).
        os.chmod(self.state, 0o755)
        env = dict(os.environ)
        env.update({"DEEPBREW_WORKSHOP_" + k: v for k, v in self.settings.items()})
        if self.quick is not None:
            env["DEEPBREW_QUICK"] = self.quick
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", CONFIG],
                                         cwd=self.state, env=env, stdout=log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("the hub exited with %s:\n%s" % (self.proc.returncode, self.log_tail()))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    pass
                if asyncio.run(self._answers()):
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError("the hub did not answer within %d s:\n%s" % (timeout, self.log_tail()))

    async def _answers(self):
        response = await AsyncHTTPClient().fetch(self.url + "/hub/api", raise_error=False)
        return response.code == 200

    def log_tail(self, lines=40):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return "(no hub log)"

    def marked_processes(self):
        """Process ids whose environment carries this hub's marker."""
        marker = ("DEEPBREW_WORKSHOP_RUN=" + self.run_id).encode()
        pids = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) == os.getpid():
                continue
            try:
                with open("/proc/%s/environ" % entry, "rb") as f:
                    if marker in f.read().split(b"\0"):
                        pids.append(int(entry))
            except OSError:
                continue
        return pids

    def kernel_libraries(self, library="libmxnet.so"):
        """For each running DeepBrew kernel of this hub, the file `library` is mapped from (None if
        it is not loaded): the students share one copy when all name the same file."""
        found = {}
        for pid in self.marked_processes():
            try:
                with open("/proc/%d/cmdline" % pid, "rb") as f:
                    if b"org.deepbrew.kernel.KernelMain" not in f.read():
                        continue
                with open("/proc/%d/maps" % pid) as f:
                    paths = {line.split()[-1] for line in f if line.rstrip().endswith("/" + library)}
            except OSError:
                continue
            found[pid] = paths.pop() if paths else None
        return found

    def stop(self, grace=30):
        if self.proc is not None and self.proc.poll() is None:
            # SIGTERM: the hub stops every server (cleanup_servers) and the proxy, then exits.
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        # Whatever outlives the hub by 10 s (a server or kernel it failed to stop) is killed,
        # and remembered: a clean shutdown leaves self.outlived empty.
        deadline = time.monotonic() + 10
        while True:
            left = self.marked_processes()
            if not left:
                return
            if time.monotonic() > deadline:
                self.outlived = left
                for pid in left:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                return
            time.sleep(0.5)

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()


@dataclass
class Answer:
    status: str
    stdout: str
    stderr: str
    error: str
    seconds: float


@dataclass
class Report:
    """One student's run: the measured seconds and the parsed answer of the training cell."""
    name: str
    login_ok: bool = False
    spawn_s: float = None
    kernel_s: float = None
    cell_s: float = None
    answer: Answer = None
    values: dict = field(default_factory=dict)
    failure: str = None


class Student:
    """One student driving the hub over HTTP and the kernel's websocket, as a browser would."""

    def __init__(self, hub, name):
        self.hub = hub
        self.name = name
        self.http = AsyncHTTPClient()

    def _api(self, path, method="GET", body=None, timeout=60):
        headers = {"Authorization": "token " + self.hub.token}
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        elif method in ("POST", "DELETE"):
            body = "" if method == "POST" else None
        return self.http.fetch(HTTPRequest(self.hub.url + path, method=method, headers=headers, body=body,
                                           request_timeout=timeout, allow_nonstandard_methods=True),
                               raise_error=False)

    async def login(self, password):
        """The hub's login form; True when it hands out the login cookie."""
        form = urllib.parse.urlencode({"username": self.name, "password": password})
        response = await self.http.fetch(HTTPRequest(self.hub.url + "/hub/login", method="POST", body=form,
                                                     follow_redirects=False, request_timeout=60),
                                         raise_error=False)
        cookies = response.headers.get_list("Set-Cookie")
        return response.code == 302 and any(c.startswith("jupyterhub-hub-login=") for c in cookies)

    async def spawn(self, timeout):
        """Starts the student's server and waits until the hub says it is ready."""
        response = await self._api("/hub/api/users/%s/server" % self.name, "POST")
        if response.code not in (201, 202):
            raise RuntimeError("spawn request answered %d: %s" % (response.code, response.body[:300]))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            user = json.loads((await self._api("/hub/api/users/" + self.name)).body)
            server = user.get("servers", {}).get("", {})
            if server.get("ready"):
                return
            if not user.get("pending") and not server:
                raise RuntimeError("the server stopped while starting (see the hub log)")
            await asyncio.sleep(0.5)
        raise TimeoutError("the server was not ready within %d s" % timeout)

    async def kernel_count(self):
        """How many kernels the student's server runs (0 once the server is gone)."""
        response = await self._api("/user/%s/api/kernels" % self.name)
        return len(json.loads(response.body)) if response.code == 200 else 0

    async def start_kernel(self, kernel_name="deepbrew"):
        response = await self._api("/user/%s/api/kernels" % self.name, "POST", {"name": kernel_name})
        if response.code != 201:
            raise RuntimeError("starting a kernel answered %d: %s" % (response.code, response.body[:300]))
        return json.loads(response.body)["id"]

    async def connect(self, kernel_id):
        url = "ws://127.0.0.1:%d/user/%s/api/kernels/%s/channels?session_id=%s" % (
            self.hub.port, self.name, kernel_id, uuid.uuid4().hex)
        request = HTTPRequest(url, headers={"Authorization": "token " + self.hub.token}, request_timeout=330)
        return await websocket_connect(request, max_message_size=64 << 20)

    @staticmethod
    def _message(msg_type, content):
        return {
            "header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "workshop",
                       "session": uuid.uuid4().hex, "date": "", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": [],
        }

    @staticmethod
    async def _read(ws, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no answer in time")
        text = await asyncio.wait_for(ws.read_message(), left)
        if text is None:
            raise RuntimeError("the kernel's websocket closed")
        return json.loads(text)

    async def kernel_info(self, ws, timeout):
        """Waits for the kernel to answer kernel_info (it has started)."""
        request = self._message("kernel_info_request", {})
        await ws.write_message(json.dumps(request))
        deadline = time.monotonic() + timeout
        while True:
            msg = await self._read(ws, deadline)
            if msg.get("msg_type") == "kernel_info_reply" and \
                    msg["parent_header"].get("msg_id") == request["header"]["msg_id"]:
                return msg["content"]

    async def execute(self, ws, code, timeout):
        """Runs one cell; returns its status, streams and error once the kernel is idle again."""
        request = self._message("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        msg_id = request["header"]["msg_id"]
        started = time.monotonic()
        await ws.write_message(json.dumps(request))
        deadline = started + timeout
        streams = {"stdout": [], "stderr": []}
        status, error, idle = None, "", False
        while status is None or not idle:
            msg = await self._read(ws, deadline)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                streams[content["name"]].append(content["text"])
            elif kind == "error":
                error = "%s: %s" % (content.get("ename"), content.get("evalue"))
            elif kind == "execute_reply":
                status = content["status"]
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        return Answer(status, "".join(streams["stdout"]), "".join(streams["stderr"]), error,
                      time.monotonic() - started)


async def run_student(hub, name, timeout):
    """Login, server, kernel, first cell: the report of one student, failures included."""
    report = Report(name)
    student = Student(hub, name)
    deadline = time.monotonic() + timeout
    try:
        report.login_ok = await student.login(hub.password)
        if not report.login_ok:
            raise RuntimeError("the hub refused the shared password")
        t = time.monotonic()
        await student.spawn(deadline - t)
        report.spawn_s = time.monotonic() - t
        t = time.monotonic()
        kernel_id = await student.start_kernel()
        ws = await student.connect(kernel_id)
        try:
            await student.kernel_info(ws, deadline - time.monotonic())
            report.kernel_s = time.monotonic() - t
            report.answer = await student.execute(ws, TRAINING_CELL, deadline - time.monotonic())
        finally:
            ws.close()
        report.cell_s = report.answer.seconds
        match = ANSWER.search(report.answer.stdout)
        if report.answer.status != "ok" or not match:
            raise RuntimeError("the cell answered %s: %s %s" % (report.answer.status, report.answer.error,
                                                                report.answer.stdout[-300:]))
        report.values = match.groupdict()
    except Exception as e:  # one student's failure is reported, the others go on
        report.failure = "%s: %s" % (type(e).__name__, e)
    return report


async def seconds_until_culled(hub, names, timeout):
    """Seconds until no student has a kernel left (the servers' idle culling), None if some still
    run after timeout."""
    students = [Student(hub, name) for name in names]
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if sum(await asyncio.gather(*(s.kernel_count() for s in students))) == 0:
            return time.monotonic() - start
        await asyncio.sleep(2)
    return None


async def wrong_password_let_in(hub):
    return await Student(hub, "intruder").login("not-" + hub.password)


async def run_class(hub, names, timeout):
    return await asyncio.gather(*(run_student(hub, name, timeout) for name in names))


@dataclass
class Rehearsal:
    reports: list
    memory: MemorySampler
    engines: dict      # kernel pid -> the libmxnet.so it mapped
    wrong_password_let_in: bool
    culled_after_s: float  # after the first cells, until idle culling had shut every kernel (if asked)
    left_running: list  # processes of the run still alive 10 s after the hub stopped (then killed)
    hub_log: str        # the end of the hub's log, servers' output included


def rehearse(prefix, users, state, heap="1g", threads="1", timeout=900, quick=None, memory_limit_gib=None,
             idle_seconds=None):
    """Runs the class and stops the hub (also on failure, or once the machine's memory in use
    passes memory_limit_gib) before it returns a Rehearsal. With idle_seconds, kernels idle that
    long are culled, and the rehearsal waits to see it happen."""
    names = ["student%02d" % (i + 1) for i in range(users)]
    limit = memory_limit_gib * (1 << 30) if memory_limit_gib else None
    hub = Hub(prefix, state, heap=heap, threads=threads, idle_seconds=idle_seconds, quick=quick)
    with MemorySampler(limit_bytes=limit, own=hub.marked_processes) as memory:
        # SIGTERM: the hub stops every server; the students still waiting then fail and report.
        def stop_hub():
            if hub.proc is not None and hub.proc.poll() is None:
                hub.proc.send_signal(signal.SIGTERM)
        memory.on_exceeded = stop_hub
        with hub:
            reports = asyncio.run(run_class(hub, names, timeout))
            engines = hub.kernel_libraries()
            wrong = asyncio.run(wrong_password_let_in(hub))
            culled = asyncio.run(seconds_until_culled(hub, names, 3 * idle_seconds + 30)) if idle_seconds else None
    return Rehearsal(reports, memory, engines, wrong, culled, hub.outlived, hub.log_tail(60))


def print_table(rehearsal, out=sys.stdout):
    reports, memory = rehearsal.reports, rehearsal.memory

    def s(v):
        return "%8.1f" % v if v is not None else "       -"
    print("%-10s %8s %8s %8s  %s" % ("student", "spawn s", "kernel s", "cell s", "answer"), file=out)
    for r in reports:
        answer = r.failure or "accuracy %s as %s, heap %s MiB, %s thread(s), data writable: %s" % (
            r.values["accuracy"], r.values["user"], r.values["heap"], r.values["threads"], r.values["writable"])
        print("%-10s %s %s %s  %s" % (r.name, s(r.spawn_s), s(r.kernel_s), s(r.cell_s), answer), file=out)
    done = [r for r in reports if not r.failure]
    for label, key in (("spawn", "spawn_s"), ("kernel", "kernel_s"), ("first cell", "cell_s")):
        values = sorted(getattr(r, key) for r in done)
        if values:
            print("%-10s median %.1f s, slowest %.1f s" % (label, values[len(values) // 2], values[-1]), file=out)
    gib = 1 << 30
    print("memory in use: %.2f GiB before, %.2f GiB at peak (+%.2f GiB for %d students, %.0f MiB each)" % (
        memory.baseline / gib, memory.peak / gib, (memory.peak - memory.baseline) / gib, len(reports),
        (memory.peak - memory.baseline) / (1 << 20) / max(1, len(reports))), file=out)
    print("the rehearsal's own processes (hub, proxy, servers, kernels): %.2f GiB PSS at peak, %.0f MiB per student" % (
        memory.own_peak / gib, memory.own_peak / (1 << 20) / max(1, len(reports))), file=out)
    libraries = set(rehearsal.engines.values())
    print("%d kernels mapped libmxnet.so from %s" % (len(rehearsal.engines), ", ".join(map(str, libraries))), file=out)
    print("wrong password %s" % ("LET IN" if rehearsal.wrong_password_let_in else "refused"), file=out)
    if rehearsal.culled_after_s is not None:
        print("idle kernels all culled %.0f s after the first cells" % rehearsal.culled_after_s, file=out)
    if rehearsal.memory.exceeded:
        print("STOPPED EARLY: memory in use passed %.1f GiB" % (rehearsal.memory.limit_bytes / gib), file=out)
    if rehearsal.left_running:
        print("still running after the hub stopped: %s" % rehearsal.left_running, file=out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", default="/srv/deepbrew", help="what `workshop install` laid out")
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--heap", default="1g", help="each kernel's -Xmx")
    parser.add_argument("--threads", default="1", help="each kernel's OpenMP threads")
    parser.add_argument("--timeout", type=int, default=900, help="seconds each student may take in all")
    parser.add_argument("--memory-limit-gib", type=float, default=None,
                        help="stop the rehearsal once the machine's memory in use passes this")
    parser.add_argument("--state", help="folder for the hub's state and the homes (default: a new one under /tmp)")
    args = parser.parse_args(argv)
    state = args.state or "/tmp/deepbrew-rehearsal-%d" % os.getpid()
    print("rehearsing %d students on %s (%d cores); hub state and homes in %s" % (
        args.users, socket.gethostname(), os.cpu_count(), state), flush=True)
    result = rehearse(args.prefix, args.users, state, args.heap, args.threads, args.timeout,
                      memory_limit_gib=args.memory_limit_gib)
    print_table(result)
    if not args.state:
        # The students' homes go; the hub's log stays for a look.
        shutil.rmtree(os.path.join(state, "homes"), ignore_errors=True)
        print("hub log: %s" % os.path.join(state, "hub.log"))
    ok = not any(r.failure for r in result.reports) and not result.wrong_password_let_in \
        and not result.memory.exceeded
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
