"""The worksheet domain: specs (data), templates (Jinja2) and checks (Python run in CPython and Pyodide).

Kept import-free so the checks wheel, which ships this file, loads in Pyodide without MkDocs or Jinja2.
"""
