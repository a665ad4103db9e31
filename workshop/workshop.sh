# `./deepbrew workshop`: a JupyterHub for a class on one machine. Sourced by the launcher, whose
# helpers (say, die, install_packages, jvm_flags, fetch_datasets, ...) it uses.
#
# Everything the students share lives under one prefix (default /srv/deepbrew), readable by every
# account and writable by none but root:
#   app/                 the kernel's jars and the launcher that starts them (plus its CDS archive)
#   data/                the data sets (DEEPBREW_DATA of every kernel)
#   engines/mxnet/       MXNet's native library, extracted once (MXNET_LIBRARY_PATH of every kernel)
#   notebooks/           the tutorial notebooks, copied into a student's home on first login
#   share/jupyter/       the `deepbrew` kernelspec (also installed system-wide)
#   hub/                 the hub's database and cookie secret (root only)
#   students.txt         accounts `workshop users add` made, with their passwords (root only)

WORKSHOP_DIR="$ROOT/workshop"
WORKSHOP_PREFIX="${DEEPBREW_WORKSHOP_PREFIX:-/srv/deepbrew}"

workshop_usage() {
  cat <<'EOF'
./deepbrew workshop install [--prefix DIR] [--no-system-kernelspec] [--no-cds]
    lay out the shared, read-only folder (kernel build, data, MXNet, notebooks) and install the
    `deepbrew` kernelspec system-wide (/usr/local/share/jupyter/kernels/deepbrew)
./deepbrew workshop users add N [--prefix DIR] [--name student]   create N accounts (PAM) with
    random passwords, listed in DIR/students.txt
./deepbrew workshop users remove [--prefix DIR]                    delete those accounts and homes
./deepbrew workshop start [--prefix DIR] [--ip 0.0.0.0] [--port 8000] [--heap 1g] [--threads 1]
    [--idle-minutes 60] [--admin NAME] [--shared-password PW] [--ssl-cert FILE --ssl-key FILE]
    run the hub in the foreground (Ctrl-C stops it and every student's server); students log in
    with their account, or with any name and PW when --shared-password is given (a rehearsal)
./deepbrew workshop rehearse [--users 30] [--prefix DIR] [--heap 1g] [--threads 1] [--timeout 900]
    [--memory-limit-gib G] [--state DIR]
    start a hub on 127.0.0.1, log N users in at once, each trains a small model in a DeepBrew
    kernel; print each user's spawn and first-cell seconds and the machine's peak memory
EOF
}

workshop_main() {
  local cmd="${1:-help}"; shift || true
  case "$cmd" in
    install) workshop_install "$@" ;;
    users) workshop_users "$@" ;;
    start) workshop_start "$@" ;;
    rehearse) workshop_rehearse "$@" ;;
    help|-h|--help) workshop_usage ;;
    *) workshop_usage; die "unknown workshop command '$cmd'" ;;
  esac
}

workshop_need_root() {
  [ "$(id -u)" -eq 0 ] || die "workshop $1 needs root (it writes $WORKSHOP_PREFIX and starts servers as other accounts)"
}

workshop_install() {
  local system_spec=1 cds=1
  while [ $# -gt 0 ]; do
    case "$1" in
      --prefix) WORKSHOP_PREFIX="$2"; shift 2 ;;
      --no-system-kernelspec) system_spec=0; shift ;;
      --no-cds) cds=0; shift ;;
      *) die "workshop install: unknown option '$1'" ;;
    esac
  done
  workshop_need_root install
  install_packages "${WORKSHOP_PACKAGES[@]}"
  setup
  local prefix="$WORKSHOP_PREFIX"
  mkdir -p "$prefix"
  chmod 755 "$prefix"
  # Files root writes here are for everyone to read, never to write.
  umask 022
  workshop_install_app "$prefix/app" "$cds"
  workshop_install_data "$prefix/data"
  workshop_install_engine "$prefix/app" "$prefix/engines/mxnet"
  say "workshop: notebooks → $prefix/notebooks"
  rm -rf "$prefix/notebooks"
  cp -r "$ROOT/notebooks" "$prefix/notebooks"
  workshop_write_kernelspec "$prefix"
  if [ "$system_spec" = 1 ]; then
    local where
    where=$("$PY" -m jupyter kernelspec install --replace --name deepbrew "$prefix/share/jupyter/kernels/deepbrew" 2>&1) \
      || die "workshop install: could not install the kernelspec: $where"
    say "workshop: kernelspec 'deepbrew' for every account: ${where##* in }"
  fi
  say "workshop: installed under $prefix"
}

# The kernel's jars and the launcher, where every account can read them (the checkout may sit in a
# home no one else can enter). The classpath file names the copies.
workshop_install_app() {
  local app="$1" cds="$2" fresh="$1.new"
  say "workshop: kernel build → $app"
  rm -rf "$fresh"
  mkdir -p "$fresh/kernel/target/lib" "$fresh/target"
  cp "$ROOT/deepbrew" "$fresh/deepbrew"
  local jar
  for jar in $(tr ':' ' ' <"$KERNEL_CP_FILE"); do
    case "$jar" in
      "$ROOT/kernel/target/lib/"*) cp "$jar" "$fresh/kernel/target/lib/" ;;
      "$ROOT/kernel/target/"*) cp "$jar" "$fresh/kernel/target/" ;;
      *) die "workshop install: classpath entry outside kernel/target: $jar" ;;
    esac
  done
  sed "s#$ROOT/#$app/#g" "$KERNEL_CP_FILE" >"$fresh/target/kernel.classpath"
  # The launcher's build check must not fire in a folder that has no sources.
  touch "$fresh/target/.build-stamp"
  rm -rf "$app.old"
  [ -d "$app" ] && mv "$app" "$app.old"
  mv "$fresh" "$app"
  rm -rf "$app.old"
  if [ "$cds" = 1 ]; then
    # A class-data sharing archive is valid for one classpath: record one for the copies.
    jvm_flags
    say "workshop: recording the kernel's class-data sharing archive"
    "$PY" "$ROOT/kernel/src/main/python/cds_training.py" "$app/target/kernel-cds-java$JAVA_FEATURE.jsa" -- \
      "$JAVA" "${JVM_FLAGS[@]}" -cp "$(cat "$app/target/kernel.classpath")" org.deepbrew.kernel.KernelMain \
      || say "workshop: no class-data sharing archive; kernels start without one"
  fi
}

# One copy of the data sets for the whole class, checked and unpacked here so that no kernel ever
# needs to write there.
workshop_install_data() {
  local data="$1"
  say "workshop: data sets → $data"
  mkdir -p "$data"
  if [ -d "$DEEPBREW_DATA" ] && [ "$(cd "$DEEPBREW_DATA" && pwd -P)" != "$(cd "$data" && pwd -P)" ]; then
    cp -a "$DEEPBREW_DATA/." "$data/"
  fi
  rm -rf "$data/.staging"
  (export DEEPBREW_DATA="$data"; fetch_datasets)
  find "$data" -name '.*.lock' -delete
  chown -R root:root "$data"
  chmod -R a+rX,go-w "$data"
}

# MXNet's native library (150 MB) unpacked once. Left to itself, DJL would unpack it into every
# student's ~/.djl.ai: 30 copies on disk and, being different files, 30 copies in the page cache.
workshop_install_engine() {
  local app="$1" dir="$2" jar
  jar=$(find "$app/kernel/target/lib" -maxdepth 1 -name 'mxnet-native-*.jar' | head -1)
  [ -n "$jar" ] || die "workshop install: no mxnet-native jar on the kernel's classpath"
  say "workshop: MXNet native library → $dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  "$PY" - "$jar" "$dir" <<'PY'
import os, sys, zipfile
jar, out = sys.argv[1:]
with zipfile.ZipFile(jar) as z:
    for entry in z.namelist():
        if entry.startswith("native/lib/") and not entry.endswith("/"):
            with z.open(entry) as src, open(os.path.join(out, os.path.basename(entry)), "wb") as dst:
                dst.write(src.read())
PY
  [ -f "$dir/libmxnet.so" ] || die "workshop install: $jar holds no libmxnet.so"
}

workshop_write_kernelspec() {
  local prefix="$1" dir="$1/share/jupyter/kernels/deepbrew"
  mkdir -p "$dir"
  "$PY" - "$dir/kernel.json" "$prefix" <<'PY'
import json, sys
path, prefix = sys.argv[1:]
spec = {
    "argv": [prefix + "/app/deepbrew", "kernel", "run", "{connection_file}"],
    "display_name": "Java (DeepBrew)",
    "language": "java",
    "interrupt_mode": "message",
    "metadata": {"debugger": False},
    # Every student's kernel reads the shared data and engine; neither is written at run time.
    "env": {"DEEPBREW_DATA": prefix + "/data", "MXNET_LIBRARY_PATH": prefix + "/engines/mxnet"},
}
with open(path, "w") as f:
    json.dump(spec, f, indent=2)
    f.write("\n")
PY
  local logo
  for logo in logo-32x32.png logo-64x64.png; do
    [ -f "$ROOT/kernel/src/main/kernelspec/$logo" ] && cp "$ROOT/kernel/src/main/kernelspec/$logo" "$dir/"
  done
  return 0
}

workshop_users() {
  local action="${1:-}"; shift || true
  local count="" stem=student
  if [ "$action" = add ]; then count="${1:-}"; shift || true; fi
  while [ $# -gt 0 ]; do
    case "$1" in
      --prefix) WORKSHOP_PREFIX="$2"; shift 2 ;;
      --name) stem="$2"; shift 2 ;;
      *) die "workshop users: unknown option '$1'" ;;
    esac
  done
  workshop_need_root users
  local list="$WORKSHOP_PREFIX/students.txt" i name password
  case "$action" in
    add)
      [[ "$count" =~ ^[0-9]+$ ]] && [ "$count" -gt 0 ] || die "usage: deepbrew workshop users add N"
      mkdir -p "$WORKSHOP_PREFIX"
      touch "$list"
      chmod 600 "$list"
      for ((i = 1; i <= count; i++)); do
        name=$(printf '%s%02d' "$stem" "$i")
        if id "$name" >/dev/null 2>&1; then
          grep -q "^$name " "$list" || say "workshop: $name exists and is not one of ours: left alone"
          continue
        fi
        password=$("$PY" -c 'import secrets; print(secrets.token_urlsafe(8))')
        useradd --create-home --shell /bin/bash --comment "DeepBrew workshop" "$name"
        chmod 700 "/home/$name"
        echo "$name:$password" | chpasswd
        echo "$name $password" >>"$list"
      done
      say "workshop: $(wc -l <"$list") accounts in $list (name and password per line)" ;;
    remove)
      [ -f "$list" ] || die "no $list: no accounts to remove"
      # Stop the hub first: userdel refuses an account that still runs processes.
      while read -r name _; do
        [ -n "$name" ] || continue
        userdel --remove "$name" 2>/dev/null || say "workshop: could not remove $name (still logged in?)"
      done <"$list"
      rm -f "$list"
      say "workshop: accounts removed" ;;
    *) die "usage: deepbrew workshop users add N | users remove" ;;
  esac
}

# Exports the DEEPBREW_WORKSHOP_* settings jupyterhub_config.py reads.
workshop_settings() {
  export DEEPBREW_WORKSHOP_PREFIX="$WORKSHOP_PREFIX"
  while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || die "workshop: $1 needs a value"
    case "$1" in
      --prefix) export DEEPBREW_WORKSHOP_PREFIX="$2" ;;
      --ip) export DEEPBREW_WORKSHOP_IP="$2" ;;
      --port) export DEEPBREW_WORKSHOP_PORT="$2" ;;
      --heap) export DEEPBREW_WORKSHOP_HEAP="$2" ;;
      --threads) export DEEPBREW_WORKSHOP_THREADS="$2" ;;
      --idle-minutes) export DEEPBREW_WORKSHOP_IDLE_MINUTES="$2" ;;
      --admin) export DEEPBREW_WORKSHOP_ADMINS="${DEEPBREW_WORKSHOP_ADMINS:+$DEEPBREW_WORKSHOP_ADMINS,}$2" ;;
      --shared-password) export DEEPBREW_WORKSHOP_SHARED_PASSWORD="$2" ;;
      --ssl-cert) export DEEPBREW_WORKSHOP_SSL_CERT="$2" ;;
      --ssl-key) export DEEPBREW_WORKSHOP_SSL_KEY="$2" ;;
      *) die "workshop start: unknown option '$1'" ;;
    esac
    shift 2
  done
  WORKSHOP_PREFIX="$DEEPBREW_WORKSHOP_PREFIX"
  [ -x "$WORKSHOP_PREFIX/app/deepbrew" ] || die "nothing installed under $WORKSHOP_PREFIX: run ./deepbrew workshop install first"
}

workshop_start() {
  workshop_need_root start
  install_packages "${WORKSHOP_PACKAGES[@]}"
  workshop_settings "$@"
  # Debian's package enables a jupyterhub.service of its own; on a machine running systemd it would
  # hold the ports this hub needs.
  if command -v systemctl >/dev/null && systemctl is-active --quiet jupyterhub 2>/dev/null; then
    die "Debian's jupyterhub service is running: 'systemctl disable --now jupyterhub', then start again"
  fi
  mkdir -p "$WORKSHOP_PREFIX/hub"
  if [ -z "${DEEPBREW_WORKSHOP_SHARED_PASSWORD:-}" ] && [ ! -s "$WORKSHOP_PREFIX/students.txt" ]; then
    say "workshop: no $WORKSHOP_PREFIX/students.txt (workshop users add N): every account on this machine may log in"
  fi
  local scheme=http
  [ -n "${DEEPBREW_WORKSHOP_SSL_CERT:-}" ] && scheme=https
  say "workshop: JupyterHub on $scheme://${DEEPBREW_WORKSHOP_IP:-0.0.0.0}:${DEEPBREW_WORKSHOP_PORT:-8000} (Ctrl-C stops it)"
  cd "$WORKSHOP_PREFIX/hub"
  exec "$PY" -m jupyterhub -f "$WORKSHOP_DIR/jupyterhub_config.py"
}

workshop_rehearse() {
  workshop_need_root rehearse
  install_packages "${WORKSHOP_PACKAGES[@]}"
  local prefix="$WORKSHOP_PREFIX" a
  for ((a = 1; a <= $#; a++)); do
    [ "${!a}" = --prefix ] && { local b=$((a + 1)); prefix="${!b}"; }
  done
  [ -x "$prefix/app/deepbrew" ] || workshop_install --prefix "$prefix"
  exec "$PY" "$WORKSHOP_DIR/rehearse.py" --prefix "$prefix" "$@"
}
