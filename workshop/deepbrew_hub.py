"""What the workshop's JupyterHub adds to Debian's jupyterhub 3.0: the notebooks copied into a
student's folder on first login, and a spawner for rehearsals and tests that needs no accounts.

jupyterhub_config.py beside this file imports it; nothing here runs outside the hub process.
"""
import os
import pwd
import shutil

from jupyterhub.spawner import SimpleLocalProcessSpawner
from traitlets import Unicode, default


def copy_notebooks(template, home, owner):
    """Copies the workshop's notebooks into home/notebooks once: a student's edits survive later
    logins, and a student who deletes the folder gets a fresh copy next time."""
    target = os.path.join(home, "notebooks")
    if os.path.exists(target) or not os.path.isdir(template):
        return target
    os.makedirs(home, mode=0o755, exist_ok=True)
    shutil.copytree(template, target)
    # Root copied them: hand the home (a fresh one included) to the account the server runs as.
    _chown_tree(home, owner)
    return target


def _chown_tree(top, owner):
    user = pwd.getpwnam(owner)
    os.chown(top, user.pw_uid, user.pw_gid)
    for folder, dirs, files in os.walk(top):
        for name in dirs + files:
            os.chown(os.path.join(folder, name), user.pw_uid, user.pw_gid, follow_symlinks=False)


def copy_notebooks_hook(template):
    """A pre_spawn_hook for system accounts (PAM): the copy lands in the account's home."""
    def hook(spawner):
        name = spawner.user.name
        copy_notebooks(template, pwd.getpwnam(name).pw_dir, name)
    return hook


class SharedAccountSpawner(SimpleLocalProcessSpawner):
    """Runs every hub user's server as one unprivileged system account (nobody by default), each
    with a home of its own under homes_dir: a rehearsal of 30 students needs no useradd, and the
    servers still meet what real students meet (a read-only data folder, files owned by root).

    For rehearsals and tests only: the users share one account, so they can read each other's
    files. A class uses PAM accounts and the LocalProcessSpawner.
    """

    account = Unicode("nobody", config=True, help="System account every server runs as.")
    homes_dir = Unicode("/srv/deepbrew/homes", config=True, help="Folder holding one home per hub user.")
    notebooks_template = Unicode("", config=True, help="Notebooks copied into each new home.")

    @default("home_dir")
    def _default_home_dir(self):
        return os.path.join(self.homes_dir, self.user.name)

    async def start(self):
        home = self.home_dir
        if not os.path.isdir(home):
            os.makedirs(home, mode=0o755)
            _chown_tree(home, self.account)
        copy_notebooks(self.notebooks_template, home, self.account)
        self.notebook_dir = home
        return await super().start()

    def make_preexec_fn(self, name):
        account = pwd.getpwnam(self.account)
        home = self.home_dir

        def preexec():
            os.setgid(account.pw_gid)
            os.setgroups([])
            os.setuid(account.pw_uid)
            os.chdir(home)

        return preexec
