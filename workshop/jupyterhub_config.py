# JupyterHub configuration for a DeepBrew workshop: one machine, one hub, a DeepBrew kernel per
# student. `./deepbrew workshop start` and `./deepbrew workshop rehearse` start the hub with this
# file and describe the class in DEEPBREW_WORKSHOP_* variables; `./deepbrew workshop install`
# laid out the shared folder they name (read-only data, engine, kernel build and notebooks).
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import deepbrew_hub  # noqa: E402

c = get_config()  # noqa: F821 (JupyterHub provides it)


def setting(name, default=None):
    return os.environ.get("DEEPBREW_WORKSHOP_" + name) or default


prefix = setting("PREFIX", "/srv/deepbrew")
state = setting("STATE", os.path.join(prefix, "hub"))
os.makedirs(state, mode=0o700, exist_ok=True)

# ---------------------------------------------------------------- where the hub listens
ip = setting("IP", "0.0.0.0")
c.JupyterHub.bind_url = "http://%s:%s" % (ip, setting("PORT", "8000"))
# Students' passwords cross the room's network: give the hub a certificate (or put it behind a
# proxy that has one) for anything but a rehearsal.
if setting("SSL_CERT") and setting("SSL_KEY"):
    c.JupyterHub.ssl_cert = setting("SSL_CERT")
    c.JupyterHub.ssl_key = setting("SSL_KEY")
    c.JupyterHub.bind_url = c.JupyterHub.bind_url.replace("http://", "https://", 1)
# The hub's own API and the proxy's are for processes on this machine only.
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(setting("HUB_PORT", "8081"))
# Debian's configurable-http-proxy finds its modules (commander, winston, ...) in Debian's Node.js
# folders, which a Node.js not built by Debian (say NodeSource's) does not search by itself.
os.environ["NODE_PATH"] = os.pathsep.join(
    p for p in [os.environ.get("NODE_PATH"), "/usr/share/nodejs", "/usr/lib/nodejs"] if p)
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:%s" % setting("PROXY_API_PORT", "8001")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(state, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(state, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(state, "jupyterhub.pid")
# Stopping the hub stops every student's server (and so their kernels) with it.
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# ---------------------------------------------------------------- who logs in, as whom
notebooks = os.path.join(prefix, "notebooks")
shared_password = setting("SHARED_PASSWORD")
if shared_password:
    # Rehearsal and tests: any name with the one password; every server runs as `nobody`.
    c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"
    c.DummyAuthenticator.password = shared_password
    c.JupyterHub.spawner_class = deepbrew_hub.SharedAccountSpawner
    c.SharedAccountSpawner.account = setting("ACCOUNT", "nobody")
    c.SharedAccountSpawner.homes_dir = setting("HOMES", os.path.join(prefix, "homes"))
    c.SharedAccountSpawner.notebooks_template = notebooks
else:
    # A class: the machine's accounts (PAM), limited to the students `workshop users add` made.
    c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
    c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
    students = os.path.join(prefix, "students.txt")
    if os.path.exists(students):
        with open(students) as f:
            c.Authenticator.allowed_users = {line.split()[0] for line in f if line.strip()}
    c.Spawner.notebook_dir = "~"
    c.Spawner.pre_spawn_hook = deepbrew_hub.copy_notebooks_hook(notebooks)
admins = setting("ADMINS")
if admins:
    c.Authenticator.admin_users = set(admins.split(","))

# A checking service (rehearsal, tests) drives the hub through its REST API with this token.
token = setting("API_TOKEN")
if token:
    c.JupyterHub.services = [{"name": "workshop-check", "api_token": token}]
    c.JupyterHub.load_roles = [{
        "name": "workshop-check",
        "scopes": ["admin:users", "admin:servers", "access:servers"],
        "services": ["workshop-check"],
    }]

# ---------------------------------------------------------------- each student's server
c.Spawner.default_url = "/tree/notebooks"
# Debian's Notebook 6 is the single-user server (there is no JupyterLab in Debian 12).
c.Spawner.environment = {
    "JUPYTERHUB_SINGLEUSER_APP": "notebook.notebookapp.NotebookApp",
    # The kernelspec `workshop install` wrote (also installed system-wide for a class).
    "JUPYTER_PATH": os.path.join(prefix, "share", "jupyter"),
    # Per-student limits: N JVMs share the machine's cores and memory. One OpenMP thread each (the
    # launcher would give each kernel one per core: 30 x 2 threads on 2 cores only wait on each
    # other), and a heap cap so one runaway notebook cannot take the memory of the rest.
    "OMP_NUM_THREADS": setting("THREADS", "1"),
    "MXNET_CPU_WORKER_NTHREADS": "1",
    "DEEPBREW_KERNEL_JAVA_OPTIONS": "-Xmx" + setting("HEAP", "1g"),
}
if os.environ.get("DEEPBREW_QUICK"):
    c.Spawner.environment["DEEPBREW_QUICK"] = os.environ["DEEPBREW_QUICK"]
# A rehearsal marks every process it causes, so that it can find and end them all afterwards.
if setting("RUN"):
    c.Spawner.environment["DEEPBREW_WORKSHOP_RUN"] = setting("RUN")
c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL", "DEEPBREW_JAVA", "JAVA_HOME", "DJL_OFFLINE"]
# Idle culling without jupyterhub-idle-culler (not in Debian 12): each server shuts kernels idle for
# IDLE_MINUTES, open tab or not (their memory is what the next student needs), then shuts itself
# down after as long again without activity; the hub sees it stop.
# (IDLE_SECONDS, when set, is for tests that watch a kernel being culled.)
idle = int(setting("IDLE_SECONDS", "0")) or int(setting("IDLE_MINUTES", "60")) * 60
c.Spawner.args = [
    "--MappingKernelManager.cull_idle_timeout=%d" % idle,
    "--MappingKernelManager.cull_interval=%d" % max(10, min(300, idle // 4)),
    "--MappingKernelManager.cull_connected=True",
    "--NotebookApp.shutdown_no_activity_timeout=%d" % (2 * idle),
    # A JVM kernel on a machine where thirty start at once may need minutes to answer its first
    # kernel_info; Notebook's default gives up on the browser's connection after 60 s.
    "--MappingKernelManager.kernel_info_timeout=300",
]
# Thirty servers starting on two cores take a while each.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 120
