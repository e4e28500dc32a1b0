"""lgnews: build an English archive of Chinese local-government news.

Pipeline stages, one module each: ``parse`` (raw text -> ParsedArticle), ``model`` (archive
-> validated records -> the whole site model), ``render`` (model -> page texts, through the
Jinja templates in ``templates/``) and ``write`` (the only module that touches ``docs/``).
``ingest`` stores raw files in ``archive/``; ``build`` runs the pipeline.
"""
