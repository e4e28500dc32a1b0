"""lgnews: build an English archive of Chinese local-government news.

Pipeline stages, one module each: ``parse`` (raw text -> ParsedArticle), ``records`` (the
archive's YAML files and their checks: one line per problem, naming the file), ``model``
(archive -> the whole cross-referenced site model; ``mdbody`` reads an article written in
Markdown), ``render`` (model -> page texts, through the Jinja templates in ``templates/``)
and ``write`` (the only module that writes to ``docs/``; ``build`` reads editors' pages
there, and the model keeps its cache of parsed articles in ``.cache/``). ``build`` runs the
pipeline, ``ingest`` stores raw files in ``archive/``, ``new_article`` starts one written in Markdown;
``preview`` runs `make serve`; ``serve`` serves a built site to the browser tests and to
`make lighthouse`; ``bench`` is `make bench`; ``unpinned`` takes out of .venv what
constraints.txt no longer pins.
"""
