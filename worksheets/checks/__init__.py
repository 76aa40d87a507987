"""Checks of what people write in worksheets.

Pure standard library: the same files run in CPython (tests, command line) and in Pyodide
(the browser's Web Worker), where `api.handle` is the single entry point.
"""
