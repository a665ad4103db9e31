"""Through the real kernel: variables keep their values across cells, on whatever JDK runs it.

The launcher runs this module on Java 17 and again on each newer JDK installed (DEEPBREW_JAVA).
"""
import re

from conftest import error_of, java_feature, stdout_of


def test_earlier_variables_survive_a_cell_of_two_on_demand_imports(kernel):
    # Issue 9's case: after a cell like this a trained model, its History and data set were null.
    kernel.ok('Model m1 = Model.newInstance("w");')
    kernel.ok('var scores = new ArrayList<Integer>(List.of(1, 2, 3));')
    kernel.ok("import org.deepbrew.nlp.bert.*;\nimport org.deepbrew.data.text.*;\nint j = 1;")
    assert kernel.value("String.valueOf(m1 == null)") == "false"
    assert kernel.value("m1.getName()") == "w"
    assert kernel.value("scores.size()") == "3"


def test_an_instance_of_a_cell_class_survives_an_import(kernel):
    kernel.ok("record Run(String name, double accuracy) {}\nRun best = new Run(\"mlp\", 0.91);")
    kernel.ok("import java.time.*;\nimport java.util.stream.*;")
    assert kernel.value("best.accuracy()") == "0.91"


def test_a_variable_whose_class_is_redefined_is_reset_and_the_cell_says_so(kernel):
    kernel.ok("class Shape { int sides = 3; }\nShape s = new Shape();\nint keep = 5;")
    outputs = kernel.ok("class Shape { int sides = 4; int area; }")
    note = stdout_of(outputs, "stderr")
    assert re.search(r"\bs \(Shape\) was reset to null", note), note
    assert "keep" not in note
    assert kernel.value("s == null") == "true"
    assert kernel.value("keep") == "5"


def test_every_way_to_exit_is_refused(kernel):
    for call in ("System.exit(3);", "Runtime.getRuntime().halt(4);",
                 "new Thread(() -> System.exit(5)).start(); Thread.sleep(200);"):
        reply, outputs = kernel.run(call)
        if reply["content"]["status"] == "error":
            err = error_of(reply, outputs)
            assert "was blocked" in err["evalue"], err
        assert kernel.km.is_alive(), call
    assert kernel.value("40 + 2") == "42"


def test_the_kernel_runs_on_the_jdk_it_was_given(kernel):
    reply = kernel.kc.kernel_info(reply=True, timeout=30)
    version = reply["content"]["language_info"]["version"]
    assert int(re.match(r"\d+", version).group()) == java_feature(), version
