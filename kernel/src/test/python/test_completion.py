"""TAB completion through a running kernel: against what the cell being written declares before the
cursor (not yet run, so unknown to JShell) as well as what earlier cells declared."""
import time

import pytest

from conftest import stdout_of


def complete(kernel, code, cursor=None):
    """The complete_reply's content for code with the cursor at `cursor` (default: the end), and
    the iopub messages the request caused."""
    cursor = len(code) if cursor is None else cursor
    reply, outputs = kernel.collect(kernel.kc.complete(code, cursor), timeout=30)
    assert reply["msg_type"] == "complete_reply"
    content = reply["content"]
    assert content["status"] == "ok", content
    return content, outputs


def assert_offers(content, code, typed, *expected):
    """`expected` are among the matches, and they replace exactly `typed`, which ends `code`."""
    assert code.endswith(typed)
    for e in expected:
        assert e in content["matches"], f"no {e!r} in {content['matches']}"
    assert content["cursor_start"] == len(code) - len(typed), content
    assert content["cursor_end"] == len(code), content


@pytest.mark.parametrize("code, typed, expected", [
    # a variable declared earlier on the same line
    ("List<String> xs = new ArrayList<>(); xs.ad", "ad", ("add(", "addAll(")),
    # variables declared on earlier lines
    ("var sb = new StringBuilder();\nint n = 3;\nsb.app", "app", ("append(",)),
    # a method declared earlier in the same cell
    ("int twice(int x) { return 2 * x; }\ntwi", "twi", ("twice(",)),
    # inside a loop
    ('for (String s : List.of("a")) {\n  s.toUpp', "toUpp", ("toUpperCase(",)),
], ids=["variable-same-line", "variables-earlier-lines", "method-in-cell", "inside-a-loop"])
def test_what_the_cell_declares_before_the_cursor_completes(kernel, code, typed, expected):
    content, _ = complete(kernel, code)
    assert_offers(content, code, typed, *expected)


def test_the_cursor_in_the_middle_of_the_cell(kernel):
    # Only what comes before the cursor counts; the rest of the cell may be anything.
    head = "var sb = new StringBuilder();\nsb.app"
    code = head + "\nint later = 1;\n"
    content, _ = complete(kernel, code, len(head))
    assert_offers(content, head, "app", "append(")


def test_names_from_earlier_cells_still_complete(kernel):
    kernel.ok('String greetingFromBefore = "hi";')
    code = "int k = 1;\ngreetingFromBef"
    content, _ = complete(kernel, code)
    assert_offers(content, code, "greetingFromBef", "greetingFromBefore")
    code = "int k = 1;\ngreetingFromBefore.toUpp"
    content, _ = complete(kernel, code)
    assert_offers(content, code, "toUpp", "toUpperCase(")


def test_completing_never_runs_the_cell(kernel):
    code = ('System.out.println("side effect");\n'
            'System.setProperty("deepbrew.completionRan", "yes");\n'
            'String neverDeclared = "a";\nneverDeclared.len')
    content, outputs = complete(kernel, code)
    assert_offers(content, code, "len", "length()")
    assert "side effect" not in stdout_of(outputs) + stdout_of(kernel.stray)
    assert kernel.value('System.getProperty("deepbrew.completionRan") == null') == "true"
    reply, _ = kernel.run("neverDeclared")
    assert reply["content"]["status"] == "error", "completion declared the cell's variable"


def test_answers_quickly_on_a_warm_kernel(kernel):
    lines = [f'var v{i} = new StringBuilder("{i}");\nv{i}.append({i});' for i in range(30)]
    code = "\n".join(lines) + "\nv29.app"
    complete(kernel, code)
    start = time.monotonic()
    content, _ = complete(kernel, code + "e")
    took = time.monotonic() - start
    assert_offers(content, code + "e", "appe", "append(")
    assert took < 1.0, f"completion took {took:.2f} s"
