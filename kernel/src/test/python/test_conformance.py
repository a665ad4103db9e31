"""The Jupyter project's own kernel conformance suite (jupyter_kernel_test), configured for DeepBrew."""
import unittest

import jupyter_kernel_test

import conftest  # noqa: F401  (puts the kernelspec on JUPYTER_PATH)


class DeepBrewKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = conftest.KERNEL_NAME
    language_name = "java"
    file_extension = ".java"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("a warning");'

    completion_samples = [
        {"text": "Math.sq", "matches": {"sqrt("}},
        {"text": "\"hello\".toUpperC", "matches": {"toUpperCase("}},
    ]
    complete_code_samples = ["1 + 1", "int x = 3;", "class Point { int x; }", "%lsmagic",
                             'System.out.println("done");']
    incomplete_code_samples = ["int f(int x) {", "class Open {", "for (int i = 0; i < 3; i++) {",
                               'String s = "abc" +']
    # JShell's own analysis calls these unparseable; "int 3x = 4;" it calls complete (javac rejects it later)
    invalid_code_samples = ["}", "int x = ;", "x = )"]

    code_generate_error = 'throw new IllegalStateException("deliberate");'

    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        {"code": "Math.max(3, 7)", "result": "7"},
        {"code": "6 * 7", "result": "42"},
    ]
    code_display_data = [
        {"code": 'display(html("<b>bold</b>"));', "mime": "text/html"},
        {"code": 'display(markdown("*slanted*"));', "mime": "text/markdown"},
        {"code": 'display(latex("e^{i\\\\pi} + 1 = 0"));', "mime": "text/latex"},
    ]

    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"


if __name__ == "__main__":
    unittest.main()
