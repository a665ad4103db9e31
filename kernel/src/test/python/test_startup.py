"""How the kernel starts: quietly, and from the class-data sharing archive `setup` records."""
import os
import pathlib

import pytest
from jupyter_client.manager import KernelManager

from conftest import KERNEL_NAME, ROOT, java_feature

# One archive per Java release; `setup` records the one for the JDK DeepBrew runs on.
CDS_ARCHIVE = ROOT / "target" / f"kernel-cds-java{java_feature()}.jsa"


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """A kernel whose stderr goes to a file, after it has answered one cell."""
    err_file = tmp_path_factory.mktemp("kernel") / "stderr.txt"
    km = KernelManager(kernel_name=KERNEL_NAME)
    env = {k: v for k, v in os.environ.items() if k != "DEEPBREW_KERNEL_LOG"}  # a chatty log is asked for
    with open(err_file, "w") as err:
        km.start_kernel(cwd=str(ROOT), stderr=err, env=env)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
        assert reply["content"]["status"] == "ok"
        yield km, err_file
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_start_prints_nothing_on_the_console(started):
    _, err_file = started
    text = err_file.read_text()
    assert text == "", f"the kernel printed at start:\n{text}"


@pytest.mark.skipif(not pathlib.Path("/proc/self/maps").exists(), reason="needs Linux /proc to see mapped files")
def test_start_maps_the_class_data_sharing_archive(started):
    km, _ = started
    if os.environ.get("DEEPBREW_JAVA") and not CDS_ARCHIVE.is_file():
        pytest.skip(f"no archive for Java {java_feature()}: `setup` records one for the default JDK only")
    assert CDS_ARCHIVE.is_file(), f"no {CDS_ARCHIVE}: `./deepbrew setup` records it after each build"
    # The launcher execs java, so the kernel process is the one Jupyter started.
    maps = pathlib.Path(f"/proc/{km.provisioner.process.pid}/maps").read_text()
    assert str(CDS_ARCHIVE) in maps, "the JVM did not map the archive: it was rejected or not passed"


# One simple name from each package the notebooks lean on. A package missing from startup.jsh, or
# two imported packages that export the same name, makes the cell fail to compile.
NOTEBOOK_NAMES = ["Fit", "History", "Schedule", "ConfusionMatrix", "InMemoryDataset", "BatchedDataset",
                  "Splits", "Augmentations", "MnistDigits", "Tables", "LabeledText", "SentimentSentences", "FashionMnist", "EngineTuning",
                  "Devices", "Mlp", "TextSplit", "BagOfWordsClassifier", "BertTextClassifier", "FineTuning",
                  "BertTokenizer", "TokenBatch", "Loss", "Optimizer", "Tracker", "Dataset", "Engine",
                  "Model", "NDArray", "DataType", "Block", "Trainer", "Table", "XYChart", "Display",
                  "Notebook", "UnaryOperator", "Path", "IntStream", "MovieLens", "MovieLensData", "InteractionLog",
                  "LeaveLastOutSplit", "SequenceRecommender", "RankingEvaluator", "Recommender",
                  "PermutationImportance", "FairnessReport", "Backtest", "SeasonalNaive", "SuccessiveHalving",
                  "SearchSpace", "TextModel", "OnnxTextClassifier", "DynamicQuantizer", "ModelServer",
                  "LoadGenerator", "MagnitudePruner", "DistillationLoss", "SentenceEncoder", "SemanticIndex",
                  "TextEmbedding", "TfIdfEmbedding", "Occlusion", "OcclusionMap", "ModelScores", "MlpForecaster",
                  "OneHot", "PretrainedBert", "ScoreFunction", "DependenceCurve", "FeatureImportance",
                  "ImdbSentiment", "FeedForwardPruning", "BagOfWordsStudent", "Variants", "LoadTest", "FileSizes",
                  "Int8WeightFile", "BertOnnxExport", "SparsitySchedule",
                  "RandomSearch", "LrRangeTest", "MlpObjective", "SearchResult", "Params"]


def test_a_notebook_needs_no_imports_for_the_toolkit(kernel):
    classes = ", ".join(f"{n}.class" for n in NOTEBOOK_NAMES)
    assert kernel.value(f"List.of({classes}).size()") == str(len(NOTEBOOK_NAMES))
