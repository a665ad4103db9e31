"""Through the real kernel: the interrupt button stops what a learner would want stopped, on every
JDK the launcher runs the kernel on (no Thread.stop there: cell bytecode and training loops check)."""
import time

from conftest import stdout_of


def _interrupt_after(kernel, code, seconds):
    msg_id = kernel.submit(code)
    time.sleep(seconds)
    start = time.monotonic()
    kernel.km.interrupt_kernel()
    reply, outputs = kernel.collect(msg_id, timeout=30)
    return reply, outputs, time.monotonic() - start


def test_interrupt_stops_training_between_batches_and_keeps_the_model(kernel):
    kernel.ok("NDManager nd = NDManager.newBaseManager();\n"
              "var data = InMemoryDataset.builder().batchSize(8)\n"
              "    .fromArrays(nd.randomUniform(0, 1, new Shape(256, 4)), nd.create(new float[256]));\n"
              "Model net = Model.newInstance(\"net\");\n"
              "net.setBlock(Mlp.builder().hidden(16).outputs(2).build());")
    reply, outputs, waited = _interrupt_after(
        kernel, "Fit.of(net).epochs(1_000_000).train(data).quiet().run();", 4)
    assert reply["content"]["status"] == "error", reply["content"]
    assert waited < 10, f"training went on for {waited:.1f} s after the interrupt"
    # The model and data are intact, and the next cell is not interrupted.
    assert kernel.value("Fit.of(net).epochs(1).train(data).quiet().run().batches().size()") == "32"


def test_interrupt_stops_a_loop_that_swallows_it(kernel):
    reply, _, waited = _interrupt_after(
        kernel, "for (;;) { try { Thread.sleep(50); } catch (Throwable t) { } }", 1.5)
    assert reply["content"]["status"] == "error", reply["content"]
    assert waited < 10
    assert kernel.value("6 * 7") == "42"


def test_a_cell_after_an_interrupted_one_prints_and_runs(kernel):
    _interrupt_after(kernel, "while (true) { }", 1.0)
    outputs = kernel.ok('System.out.println("after");')
    assert stdout_of(outputs) == "after\n"
