"""The book's constructs, as Python-Markdown extensions (not MkDocs hooks or plugins, so that they
keep working under another MkDocs-compatible builder): cells (cell_fence), exercises
(exercise_block), explorables (explorable_block), markdown-exec's build-time blocks held to the
book's rules (exec_fence), diagrams (mermaid_fence) and math (tex_math)."""
