"""Magics, exercised through a running kernel: they must reach the live JShell, not a test double."""
import pathlib
import re
import subprocess

import pytest

from conftest import error_of, stdout_of

M2 = pathlib.Path.home() / ".m2" / "repository"
COLLECTIONS = M2 / "org/apache/commons/commons-collections4/4.4/commons-collections4-4.4.jar"


def test_lsmagic_lists_every_magic(kernel):
    text = stdout_of(kernel.ok("%lsmagic"))
    for name in ("%classpath", "%maven", "%load", "%engine", "%device", "%lsmagic", "%%time"):
        assert name in text, f"{name} missing from:\n{text}"


def test_unknown_magic_names_the_known_ones(kernel):
    reply, outputs = kernel.run("%nosuchmagic 1 2")
    err = error_of(reply, outputs)
    text = err["evalue"] + "\n".join(err["traceback"])
    assert "nosuchmagic" in text and "%maven" in text and "%%time" in text, text


def test_time_prints_timings_and_keeps_the_value(kernel):
    reply, outputs = kernel.run("%%time\nlong s = 0;\nfor (int i = 0; i < 20_000_000; i++) s += i;\ns")
    assert reply["content"]["status"] == "ok"
    text = stdout_of(outputs)
    wall = re.search(r"Wall time: ([0-9.]+) (ns|µs|ms|s)", text)
    cpu = re.search(r"CPU time \(cell thread\): ([0-9.]+) (ns|µs|ms|s)", text)
    assert wall and cpu, text
    result = next(m for m in outputs if m["msg_type"] == "execute_result")
    assert result["content"]["data"]["text/plain"] == str(sum(range(20_000_000)))


def test_time_of_a_sleep_is_wall_not_cpu(kernel):
    text = stdout_of(kernel.ok("%%time\nThread.sleep(700);"))
    unit_ns = {"ns": 1, "µs": 1e3, "ms": 1e6, "s": 1e9}
    wall = re.search(r"Wall time: ([0-9.]+) (ns|µs|ms|s)", text)
    cpu = re.search(r"CPU time \(cell thread\): ([0-9.]+) (ns|µs|ms|s)", text)
    wall_ns = float(wall.group(1)) * unit_ns[wall.group(2)]
    cpu_ns = float(cpu.group(1)) * unit_ns[cpu.group(2)]
    assert wall_ns >= 0.69e9, text
    assert cpu_ns < 0.3e9, f"a sleeping thread burns no CPU: {text}"


def test_classpath_adds_a_class_folder_to_the_running_kernel(kernel, tmp_path):
    src = tmp_path / "src" / "geo" / "Meters.java"
    src.parent.mkdir(parents=True)
    src.write_text("package geo;\npublic class Meters { public static double of(double km) { return km * 1000; } }\n")
    classes = tmp_path / "classes"
    subprocess.run(["javac", "-d", str(classes), str(src)], check=True)
    outputs = kernel.ok(f"%classpath {classes}")
    assert f"Added to classpath: {classes}" in stdout_of(outputs)
    assert kernel.value("geo.Meters.of(1.5)") == "1500.0"


def test_classpath_of_a_missing_file_is_a_clear_error(kernel, tmp_path):
    reply, outputs = kernel.run(f"%classpath {tmp_path}/missing/*.jar")
    err = error_of(reply, outputs)
    assert "nothing matches" in err["evalue"] + "".join(err["traceback"])


@pytest.mark.skipif(not COLLECTIONS.exists(), reason="commons-collections4 4.4 is not in ~/.m2")
def test_maven_resolves_from_the_local_repository_and_the_classes_load(kernel):
    outputs = kernel.ok("%maven org.apache.commons:commons-collections4:4.4")
    assert "commons-collections4-4.4.jar" in stdout_of(outputs)
    assert kernel.value(
        "var bag = new org.apache.commons.collections4.bag.HashBag<String>();\n"
        'bag.add("a", 3);\nbag.getCount("a")') == "3"


def test_maven_unknown_artifact_is_a_clear_error(kernel):
    # An artifact that exists nowhere: the local miss falls through to the remote, which also misses
    # (or is unreachable offline); either way the message names the coordinates.
    reply, outputs = kernel.run("%maven org.deepbrew.nonexistent:nothing-here:0.0.1", timeout=120)
    err = error_of(reply, outputs)
    assert "could not resolve org.deepbrew.nonexistent:nothing-here:0.0.1" in err["evalue"] + "".join(err["traceback"])


def test_load_runs_a_snippet_file_as_a_cell(kernel, tmp_path):
    script = tmp_path / "helpers.jsh"
    script.write_text('String shout(String s) { return s.toUpperCase() + "!"; }\nint loaded = 41;\n')
    kernel.ok(f"%load {script}")
    assert kernel.value('shout("hey") + (loaded + 1)') in ('HEY!42', '"HEY!42"')


def test_engine_and_device_describe_the_engine(kernel):
    engine = stdout_of(kernel.ok("%engine"))
    assert "MXNet" in engine, engine
    devices = stdout_of(kernel.ok("%device"))
    assert "cpu()" in devices and "*" in devices, devices
