"""Settings the generator shares with MkDocs, read from mkdocs.yml so they live in one place.

``site_url`` comes from the SITE_URL environment variable when set (a fork publishes to its
own Pages address by setting it once), else from the default written in mkdocs.yml. The
generator ignores ``PREVIEW_SITE_URL``, the address ``make serve`` gives MkDocs for the preview:
generated pages carry the published address whatever serves them."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import VALUE_ERRORS


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: resolves !ENV like MkDocs does and ignores Python tags."""


PREVIEW = "PREVIEW_SITE_URL"


def _env(loader: yaml.Loader, node: yaml.Node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
        if not items or not all(isinstance(name, str) for name in items[:-1] or items):
            # ('!ENV []', '!ENV [[A], b]': a traceback, then a message without a line)
            raise yaml.constructor.ConstructorError(
                None, None, "!ENV takes a variable's name, or a list of names and a default value last, "
                "such as !ENV [SITE_URL, 'https://example.org/']", node.start_mark)
        # A default only after a name, as MkDocs reads it: "!ENV [SITE_URL]" names a variable.
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    for name in names:
        if name == PREVIEW:
            continue
        if os.environ.get(name):
            return os.environ[name]
    return default


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Config:
    root: Path
    site_url: str
    site_name: str
    repo_url: str | None = None  # the archive's repository (mkdocs.yml's repo_url), if any

    @property
    def archive(self) -> Path:
        return self.root / "archive"

    @property
    def docs(self) -> Path:
        return self.root / "docs"


class ConfigError(Exception):
    """mkdocs.yml cannot be read: the message is one line for the maintainer."""


def load_config(root: Path) -> Config:
    text = ""
    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_ConfigLoader) or {}
    except FileNotFoundError:
        raise ConfigError(f"mkdocs.yml: not found in {root}: run this in the project's folder (the one that holds "
                          "mkdocs.yml and archive/), or name that folder with --root") from None
    except OSError as exc:
        raise ConfigError(f"mkdocs.yml: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise ConfigError("mkdocs.yml: not UTF-8 text; save the file as UTF-8") from None
    except RecursionError:
        raise ConfigError("mkdocs.yml: invalid YAML: lists or settings are nested hundreds of levels deep, one "
                          "inside another: check the indentation") from None
    except VALUE_ERRORS as exc:  # 'updated: 2022-02-30', '!!int 0xZZ'
        from .records import unreadable_value

        row, said = unreadable_value(text, exc, _ConfigLoader)
        raise ConfigError(f"mkdocs.yml{f':{row + 1}' if row is not None else ''}: invalid YAML: {said}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        # (only now: the quick no-op run reads no archive)
        from .records import full_width_colon, unclosed_bracket, yaml_hint

        wide = full_width_colon(text, mark.line if mark is not None else None)
        if wide is not None:
            raise ConfigError(f"mkdocs.yml:{wide[0] + 1}: invalid YAML: {wide[1]}") from None
        bracket = unclosed_bracket(text, exc)
        if bracket is not None:
            # YAML gives up on a later line ('site_name: [Archive' then 'site_description:
            # >-'), whose advice would be wrong: the mistake is where the bracket opened.
            opened, closing, row = bracket
            raise ConfigError(f"mkdocs.yml:{row + 1}: invalid YAML: the '{opened}' opened on this line is "
                              f"never closed: end it with '{closing}', or put the whole value in quotation "
                              "marks if the bracket is part of it") from None
        line = text.split("\n")[mark.line] if mark is not None and mark.line < text.count("\n") + 1 else ""
        # (Not on a line whose value is a tag, '!ENV [...]': quoted whole, it would be text.)
        hint = ("check the brackets and the indentation" if re.search(r":\s+!", line)
                else yaml_hint(text, problem, mark.line + 1 if mark is not None else None))
        raise ConfigError(f"mkdocs.yml{where}: invalid YAML: {problem}; {hint}") from None
    if not isinstance(data, dict):
        raise ConfigError("mkdocs.yml: not a mapping of settings (site_name: ..., site_url: ...)")
    site_url = str(data.get("site_url") or "http://127.0.0.1:8000/")
    repo_url = str(data.get("repo_url") or "").rstrip("/") or None
    return Config(root=root, site_url=site_url.rstrip("/") + "/", site_name=str(data.get("site_name") or "Archive"),
                  repo_url=repo_url)
