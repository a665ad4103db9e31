"""Library logging in cells: the engine's start-up chatter stays out, warnings still show.
A module of its own, so its kernel loads the engine for the first time here."""
from conftest import stdout_of

ENGINE_CHATTER = ("Failed to detect GPU count", "Found matching platform")


def test_engine_start_leaves_no_log_lines_in_the_cell(kernel):
    outputs = kernel.ok('NDManager manager = NDManager.newBaseManager();\n'
                        'NDArray ones = manager.ones(new Shape(2, 2));\n'
                        'System.out.println("sum " + ones.sum().getFloat());')
    assert "sum 4.0" in stdout_of(outputs), "the engine did not run"
    for m in outputs:
        if m["msg_type"] == "stream":
            for chatter in ENGINE_CHATTER:
                assert chatter not in m["content"]["text"], f"{m['content']['name']}: {m['content']['text']}"


def test_library_warnings_still_show(kernel):
    outputs = kernel.ok('org.slf4j.LoggerFactory.getLogger("ai.djl.training").warn("the loss is NaN");\n'
                        'org.slf4j.LoggerFactory.getLogger("ai.djl.training").info("epoch 1 done");')
    err = stdout_of(outputs, "stderr")
    assert "WARN ai.djl.training - the loss is NaN" in err, err
    assert "epoch 1 done" not in err


def test_a_dropped_model_does_not_warn_in_a_later_cell(kernel):
    kernel.ok('Model dropped = Model.newInstance("dropped");')
    kernel.ok('dropped = null;')
    outputs = kernel.ok('for (int i = 0; i < 3; i++) { System.gc(); System.runFinalization(); Thread.sleep(100); }\n'
                        'System.out.println("collected");')
    assert "collected" in stdout_of(outputs)
    err = stdout_of(outputs, "stderr")
    assert "not closed explicitly" not in err, err
