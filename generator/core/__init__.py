"""The manual's model: sources, front matter, numbering and problems, independent of MkDocs."""
