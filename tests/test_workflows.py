"""The GitHub Actions workflows and the pre-commit configuration.

Both workflows must pass the published GitHub workflow schema (check-jsonschema) and
zizmor's offline audits, and follow the project's rules: least privilege, no persisted
credentials, every action pinned to a known release commit, one deployment at a time, the
official Pages actions, pip cached on the requirements. The rule checks are functions run
on the real files and, to show that each can fail, on copies broken on purpose."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
DEPLOY = WORKFLOWS / "deploy.yml"
PR = WORKFLOWS / "pr.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
BIN = Path(sys.executable).parent

# The release commits the workflows may pin, (action, version) -> SHA: this table is where
# pins are kept. To move to a new release, read its commit in the action's own repository
# (the tag's commit, not a branch's), add it here, then change the workflows.
PINS = {
    ("actions/checkout", "v7.0.1"): "3d3c42e5aac5ba805825da76410c181273ba90b1",
    ("actions/setup-python", "v7.0.0"): "5fda3b95a4ea91299a34e894583c3862153e4b97",
    ("actions/setup-python", "v6.3.0"): "ece7cb06caefa5fff74198d8649806c4678c61a1",
    ("actions/upload-pages-artifact", "v5.0.0"): "fc324d3547104276b827a68afc52ff2a11cc49c9",
    ("actions/upload-pages-artifact", "v4.0.0"): "7b1f4a764d45c48632c6b24a0339c27f5614fb0b",
    ("actions/deploy-pages", "v5.0.0"): "cd2ce8fcbc39b97be8ca5fce6e763baed58fa128",
    ("actions/deploy-pages", "v4.0.5"): "d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e",
}
USES_LINE_RE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
PINNED_RE = re.compile(r"^(?P<action>[\w.-]+/[\w.-]+)@(?P<sha>[0-9a-f]{40})$")
VERSION_COMMENT_RE = re.compile(r"^\s+#\s*(?P<version>v\d+(?:\.\d+)*)\s*$")


def tool(name: str) -> str:
    path = BIN / name
    assert path.exists(), f"{name} is not installed next to {sys.executable}: run `make test` to set up .venv"
    return str(path)


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    # PyYAML reads the key `on` as the boolean True (YAML 1.1).
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on or {}


def steps(workflow: dict):
    """(job id, job, step) for every step of every job."""
    for job_id, job in (workflow.get("jobs") or {}).items():
        for step in job.get("steps") or []:
            yield job_id, job, step


def uses(step: dict) -> str:
    return str(step.get("uses", "")).split("@")[0]


def runs(job: dict) -> list[str]:
    return [str(s["run"]) for s in job.get("steps") or [] if "run" in s]


# --------------------------------------------------------------------------- rule checks
# Each returns a list of problems; an empty list means the rule holds.


def check_top_permissions(workflow: dict) -> list[str]:
    if workflow.get("permissions") != {"contents": "read"}:
        return [f"top-level permissions must be exactly {{contents: read}}, found {workflow.get('permissions')!r}"]
    return []


def check_job_permissions(workflow: dict) -> list[str]:
    """pages: write and id-token: write only on the job that deploys, and nothing else written."""
    problems = []
    for job_id, job in (workflow.get("jobs") or {}).items():
        deploys = any(uses(s) == "actions/deploy-pages" for s in job.get("steps") or [])
        perms = job.get("permissions")
        if perms is None:
            if deploys:
                problems.append(f"job {job_id} deploys but does not ask for pages: write and id-token: write")
            continue
        if not isinstance(perms, dict):
            problems.append(f"job {job_id}: permissions must be a mapping, found {perms!r}")
            continue
        writes = {k for k, v in perms.items() if v == "write"}
        if deploys:
            if perms != {"pages": "write", "id-token": "write"}:
                problems.append(f"deploy job {job_id} must have exactly pages: write and id-token: write, found {perms}")
        elif writes:
            problems.append(f"job {job_id} does not deploy but may write {sorted(writes)}")
    return problems


def check_checkout_credentials(workflow: dict) -> list[str]:
    problems = []
    checkouts = 0
    for job_id, _, step in steps(workflow):
        if uses(step) == "actions/checkout":
            checkouts += 1
            if (step.get("with") or {}).get("persist-credentials") is not False:
                problems.append(f"job {job_id}: checkout without persist-credentials: false")
    if checkouts == 0:
        problems.append("no actions/checkout step: the jobs would run without the repository")
    return problems


def check_pins(text: str, workflow: dict) -> list[str]:
    """Every `uses:` is owner/repo@<40 hex> # vX, with a SHA and version listed in PINS (above)."""
    problems = []
    lines = [m for m in map(USES_LINE_RE.match, text.splitlines()) if m]
    if len(lines) != sum(1 for _, _, s in steps(workflow) if "uses" in s):
        problems.append("every `uses:` must be written on one line as `uses: owner/repo@sha # vX`")
    for m in lines:
        ref = m["ref"].strip("'\"")
        pinned = PINNED_RE.match(ref)
        comment = VERSION_COMMENT_RE.match(m["rest"])
        if not pinned:
            problems.append(f"{ref}: not pinned to a full 40-character commit SHA")
            continue
        if not comment:
            problems.append(f"{ref}: no `# vX.Y.Z` version comment after the SHA")
            continue
        expected = PINS.get((pinned["action"], comment["version"]))
        if expected is None:
            problems.append(f"{pinned['action']} {comment['version']}: not a release listed in PINS (tests/test_workflows.py)")
        elif expected != pinned["sha"]:
            problems.append(f"{pinned['action']} {comment['version']}: SHA {pinned['sha']} is not its release "
                            f"commit {expected}")
    return problems


def check_no_expressions_in_run(workflow: dict) -> list[str]:
    """Values from the event reach scripts through env:, never pasted into `run:`."""
    return [f"job {job_id}: `${{{{ }}}}` inside run: {step['run']!r}" for job_id, _, step in steps(workflow)
            if "${{" in str(step.get("run", ""))]


def check_pip_cache(workflow: dict) -> list[str]:
    problems = []
    found = False
    for job_id, _, step in steps(workflow):
        if uses(step) == "actions/setup-python":
            found = True
            w = step.get("with") or {}
            keys = str(w.get("cache-dependency-path", ""))
            if w.get("cache") != "pip" or "requirements" not in keys or "constraints.txt" not in keys:
                problems.append(f"job {job_id}: setup-python must cache pip keyed on requirements*.txt and "
                                f"constraints.txt, found {w}")
            if str(w.get("python-version")) != "3.11":
                problems.append(f"job {job_id}: setup-python must set up Python 3.11, found {w.get('python-version')!r}")
    if not found:
        problems.append("no actions/setup-python step caching pip")
    return problems


TESTS_RE = re.compile(r"(^|\s)(make test|\.ci/run)(\s|$)")
"""A run step that runs every test: `.ci/run` (as CI must), or `make test` itself."""
README_PACKAGES = ("python3", "python3-venv", "make", "git")


def check_test_job(workflow: dict) -> list[str]:
    """The tests run `.ci/run` as root in a plain Debian bookworm container (Debian's
    chromium for the browser tests) with only the packages the README names installed, so
    that they run on Debian's own Python as a new editor's machine does; without
    setup-python, whose builds do not run on bookworm; and git may read the checkout."""
    problems = []
    jobs = [(job_id, job) for job_id, job in (workflow.get("jobs") or {}).items()
            if any(TESTS_RE.search(r) for r in runs(job))]
    if not jobs:
        return ["no job runs `.ci/run`"]
    for job_id, job in jobs:
        commands = runs(job)
        if not any(re.search(r"(^|\s)\.ci/run(\s|$)", r) for r in commands):
            problems.append(f"job {job_id}: CI runs the tests with `.ci/run`")
        container = job.get("container")
        image = container.get("image") if isinstance(container, dict) else container
        if str(image) != "debian:bookworm" and not str(image).startswith("debian:bookworm@sha256:"):
            problems.append(f"job {job_id}: the tests must run in a plain debian:bookworm container, found {image!r}")
        installs = [r for r in commands if "apt-get install" in r]
        if not installs or any(not re.search(rf"(^|\s){re.escape(p)}(\s|$)", installs[0]) for p in README_PACKAGES):
            problems.append(f"job {job_id}: install the README's packages {README_PACKAGES} first, found {installs}")
        if not any("safe.directory" in r for r in commands):
            problems.append(f"job {job_id}: git must be told it may read the checkout (safe.directory)")
        if any(uses(s) == "actions/setup-python" for s in job.get("steps") or []):
            problems.append(f"job {job_id}: setup-python does not work in a bookworm container")
    return problems


def check_deploy(workflow: dict) -> list[str]:
    problems = []
    on = triggers(workflow)
    if "workflow_dispatch" not in on or "push" not in on:
        problems.append(f"deploy must run on push and workflow_dispatch, found {sorted(on)}")
    elif (on["push"] or {}).get("branches") != ["main"]:
        problems.append(f"deploy must run on pushes to main only, found {on['push']}")
    concurrency = workflow.get("concurrency")
    if not isinstance(concurrency, dict) or not concurrency.get("group") or concurrency.get("cancel-in-progress") is not False:
        problems.append(f"deploy needs a concurrency group with cancel-in-progress: false, found {concurrency!r}")
    jobs = workflow.get("jobs") or {}
    by_action = {}
    for job_id, _, step in steps(workflow):
        by_action.setdefault(uses(step), job_id)
    upload, deploy = by_action.get("actions/upload-pages-artifact"), by_action.get("actions/deploy-pages")
    if not upload or not deploy:
        return problems + ["deploy must use actions/upload-pages-artifact and actions/deploy-pages"]
    if upload == deploy:
        problems.append("upload and deploy must be separate jobs, so only the deploy job holds pages: write")
    upload_job = jobs[upload]
    upload_step = next(s for s in upload_job["steps"] if uses(s) == "actions/upload-pages-artifact")
    if str((upload_step.get("with") or {}).get("path", "")).rstrip("/") != "site":
        problems.append("upload-pages-artifact must upload site/")
    if "make site" not in runs(upload_job):
        problems.append(f"job {upload} must build with `make site` before uploading")
    env = upload_job.get("env") or {}
    if "SITE_URL" not in env or "REPO_URL" not in env:
        problems.append(f"job {upload} must set SITE_URL and REPO_URL for mkdocs.yml, found {sorted(env)}")
    elif "github.io" not in str(env["SITE_URL"]) or "github.repository" not in str(env["REPO_URL"]):
        problems.append(f"SITE_URL/REPO_URL must come from the repository: {env}")

    def needs(job_id: str) -> set[str]:
        n = jobs[job_id].get("needs") or []
        direct = {n} if isinstance(n, str) else set(n)
        return direct.union(*(needs(d) for d in direct)) if direct else set()

    if upload not in needs(deploy):
        problems.append(f"the deploy job must need the build job {upload}")
    tested = [j for j in jobs if any(TESTS_RE.search(r) for r in runs(jobs[j]))]
    if not tested or not set(tested) & (needs(deploy) | {upload}):
        problems.append("the site must be deployed only after `make test` has passed")
    if jobs[deploy].get("environment", {}).get("name") != "github-pages":
        problems.append("the deploy job must use the github-pages environment")
    if "refs/heads/main" not in str(jobs[deploy].get("if", "")):
        problems.append("the deploy job must run for main only (workflow_dispatch can start it on any branch)")
    return problems


def check_pr(workflow: dict) -> list[str]:
    problems = []
    if "pull_request" not in triggers(workflow):
        problems.append("pr.yml must run on pull_request")
    if "pull_request_target" in triggers(workflow):
        problems.append("pr.yml must not use pull_request_target")
    if not isinstance(workflow.get("concurrency"), dict) or not workflow["concurrency"].get("group"):
        problems.append("pr.yml needs a concurrency group")
    jobs = workflow.get("jobs") or {}
    if not any(TESTS_RE.search(r) for job in jobs.values() for r in runs(job)):
        problems.append("pr.yml must run `.ci/run`")
    for job_id, job in jobs.items():
        commands = runs(job)
        checks = [i for i, r in enumerate(commands) if re.search(r"scripts/build\.py\s+--check", r)]
        if checks:
            sites = [i for i, r in enumerate(commands) if "make site" in r]
            if not sites or sites[0] > checks[0]:
                problems.append(f"job {job_id}: `build.py --check` must follow `make site` (a clean clone has "
                                "no generated pages)")
            return problems
    return problems + ["pr.yml must run `scripts/build.py --check`"]


RULES = [check_top_permissions, check_job_permissions, check_checkout_credentials, check_no_expressions_in_run,
         check_pip_cache, check_test_job]


# --------------------------------------------------------------------------- the real files


@pytest.mark.parametrize("path", [DEPLOY, PR], ids=["deploy", "pr"])
def test_workflow_valid_against_github_schema(path):
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_clean_under_zizmor():
    result = subprocess.run([tool("zizmor"), "--offline", "--no-config", "--format", "json-v1", str(WORKFLOWS)],
                            capture_output=True, text=True)
    findings = json.loads(result.stdout or "null")
    assert findings == [], json.dumps(findings, indent=1)[:4000]
    assert result.returncode == 0, result.stderr
    for path in (DEPLOY, PR):
        assert "zizmor: ignore" not in path.read_text(encoding="utf-8"), f"{path.name} silences a zizmor finding"


@pytest.mark.parametrize("path", [DEPLOY, PR], ids=["deploy", "pr"])
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_workflow_rule(path, rule):
    assert rule(load(path)) == []


@pytest.mark.parametrize("path", [DEPLOY, PR], ids=["deploy", "pr"])
def test_actions_pinned_to_known_release_commits(path):
    text = path.read_text(encoding="utf-8")
    assert sum(1 for line in text.splitlines() if USES_LINE_RE.match(line)) >= 2, "no actions used"
    assert check_pins(text, load(path)) == []


def test_deploy_workflow():
    assert check_deploy(load(DEPLOY)) == []


def test_pr_workflow():
    assert check_pr(load(PR)) == []


def test_deploy_workflow_is_the_only_one_with_write_permissions():
    for path in WORKFLOWS.glob("*.y*ml"):
        text = path.read_text(encoding="utf-8")
        writes = re.findall(r"^\s*([\w-]+):\s*write\b", text, re.M) + re.findall(r"write-all", text)
        if path.name == "deploy.yml":
            assert sorted(writes) == ["id-token", "pages"]
        else:
            assert writes == [], f"{path.name} asks for write access: {writes}"


# --------------------------------------------------------------------------- the checks can fail


def _deploy_job(wf: dict) -> dict:
    return next(j for j in wf["jobs"].values() if any(uses(s) == "actions/deploy-pages" for s in j["steps"]))


def _first_checkout(wf: dict) -> dict:
    return next(s for _, _, s in steps(wf) if uses(s) == "actions/checkout")


BREAKAGES = {
    "top-level write": (check_top_permissions, lambda wf: wf.update(permissions={"contents": "write"})),
    "top-level pages write": (check_top_permissions,
                              lambda wf: wf.update(permissions={"contents": "read", "pages": "write"})),
    "id-token on the build job": (check_job_permissions,
                                  lambda wf: wf["jobs"]["build"].update(permissions={"id-token": "write"})),
    "deploy job without permissions": (check_job_permissions, lambda wf: _deploy_job(wf).pop("permissions")),
    "deploy job with contents write": (check_job_permissions,
                                       lambda wf: _deploy_job(wf)["permissions"].update(contents="write")),
    "persisted credentials": (check_checkout_credentials, lambda wf: _first_checkout(wf).pop("with")),
    "no checkout": (check_checkout_credentials, lambda wf: [j["steps"].__setitem__(slice(None), [
        s for s in j["steps"] if uses(s) != "actions/checkout"]) for j in wf["jobs"].values()]),
    "persist-credentials true": (check_checkout_credentials,
                                 lambda wf: _first_checkout(wf)["with"].update({"persist-credentials": True})),
    "expression in run": (check_no_expressions_in_run,
                          lambda wf: wf["jobs"]["build"]["steps"].append({"run": "echo ${{ github.ref_name }}"})),
    "no pip cache": (check_pip_cache,
                     lambda wf: next(s for _, _, s in steps(wf) if uses(s) == "actions/setup-python")["with"].pop("cache")),
    "tests outside the container": (check_test_job, lambda wf: wf["jobs"]["test"].pop("container")),
    "tests on a Python image": (check_test_job, lambda wf: wf["jobs"]["test"].update(container="python:3.11-bookworm")),
    "tests without .ci/run": (check_test_job, lambda wf: wf["jobs"]["test"]["steps"][-1].update(run="make test")),
    "tests without venv": (check_test_job, lambda wf: wf["jobs"]["test"]["steps"][0].update(
        run=wf["jobs"]["test"]["steps"][0]["run"].replace(" python3-venv", ""))),
    "git cannot read the checkout": (check_test_job, lambda wf: wf["jobs"]["test"]["steps"].__setitem__(
        slice(None), [s for s in wf["jobs"]["test"]["steps"] if "safe.directory" not in str(s.get("run"))])),
    "deploys from any branch by hand": (check_deploy, lambda wf: _deploy_job(wf).pop("if")),
    "no concurrency": (check_deploy, lambda wf: wf.pop("concurrency")),
    "deployments cancel each other": (check_deploy, lambda wf: wf["concurrency"].update({"cancel-in-progress": True})),
    "no deploy-pages": (check_deploy, lambda wf: _deploy_job(wf)["steps"].clear()),
    "build without make site": (check_deploy, lambda wf: wf["jobs"]["build"]["steps"].__setitem__(
        slice(None), [s for s in wf["jobs"]["build"]["steps"] if "make site" not in str(s.get("run"))])),
    "deploys on every branch": (check_deploy, lambda wf: wf[True if True in wf else "on"]["push"].pop("branches")),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_rule_catches(name):
    rule, breaks = BREAKAGES[name]
    workflow = copy.deepcopy(load(DEPLOY))
    assert rule(workflow) == [], "the real workflow must pass before it is broken"
    breaks(workflow)
    assert rule(workflow), f"{rule.__name__} did not notice: {name}"


def test_pin_check_catches():
    text = DEPLOY.read_text(encoding="utf-8")
    workflow = load(DEPLOY)
    sha = PINS[("actions/checkout", "v7.0.1")]
    assert check_pins(text.replace(f"checkout@{sha}", "checkout@v7"), workflow)  # a tag, not a SHA
    assert check_pins(text.replace(f"checkout@{sha}", "checkout@" + "0" * 40), workflow)  # unknown SHA
    assert check_pins(text.replace(f"{sha} # v7.0.1", f"{sha} # v6.0.0"), workflow)  # wrong version comment
    assert check_pins(text.replace(f"{sha} # v7.0.1", sha), workflow)  # no version comment


def test_pr_check_catches():
    workflow = load(PR)
    no_check = copy.deepcopy(workflow)
    for job in no_check["jobs"].values():
        job["steps"] = [s for s in job["steps"] if "--check" not in str(s.get("run"))]
    assert check_pr(no_check)
    check_first = copy.deepcopy(workflow)
    for job in check_first["jobs"].values():
        job["steps"] = [s for s in job["steps"] if "make site" not in str(s.get("run"))]
    assert check_pr(check_first)


def test_external_checkers_catch_a_bad_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "name: bad\non: pull_request\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n",
        encoding="utf-8",
    )
    result = subprocess.run([tool("zizmor"), "--offline", "--no-config", "--format", "json-v1", str(bad)],
                            capture_output=True, text=True)
    found = {f["ident"] for f in json.loads(result.stdout)}
    assert {"artipacked", "template-injection", "unpinned-uses"} <= found
    invalid = tmp_path / "invalid.yml"
    invalid.write_text("name: invalid\non: push\njobs:\n  a:\n    steps: []\n", encoding="utf-8")  # no runs-on
    result = subprocess.run([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(invalid)],
                            capture_output=True, text=True)
    assert result.returncode != 0


# --------------------------------------------------------------------------- pre-commit


def test_pre_commit_config_valid():
    result = subprocess.run([tool("pre-commit"), "validate-config", str(PRE_COMMIT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_validation_can_fail(tmp_path):
    broken = tmp_path / ".pre-commit-config.yaml"
    broken.write_text("repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    hooks:\n"
                      "      - id: ruff-check\n", encoding="utf-8")  # no rev
    result = subprocess.run([tool("pre-commit"), "validate-config", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0


def test_pre_commit_hooks():
    config = load(PRE_COMMIT)
    # A commit needs no network: pre-commit fetches any hook's repository but a local one from
    # GitHub (an editor's first commit failed offline), and every local hook runs a tool of
    # .venv that requirements-dev.txt installs.
    assert [r["repo"] for r in config["repos"]] == ["local"]
    for hook in config["repos"][0]["hooks"]:
        program = hook["entry"].split()[0]
        assert program.startswith(".venv/bin/") and (ROOT / program).is_file(), hook
        assert hook["language"] == "system", hook
    ruff = next(h for h in config["repos"][0]["hooks"] if h["id"] == "ruff-check")
    assert ruff["entry"].startswith(".venv/bin/ruff check")
    hooks = {h["id"]: h for r in config["repos"] for h in r["hooks"]}
    check_yaml = hooks.get("check-yaml")
    assert check_yaml, "YAML check missing"
    # mkdocs.yml has !ENV tags: check-yaml needs --unsafe, or must leave mkdocs.yml out.
    assert "--unsafe" in check_yaml["entry"].split() or re.search(check_yaml.get("exclude", "^$"), "mkdocs.yml")
    build = [h for r in config["repos"] if r["repo"] == "local" for h in r["hooks"]
             if re.search(r"scripts/build\.py\s+--check", h.get("entry", ""))]
    assert len(build) == 1, "a local hook must run scripts/build.py --check"
    assert build[0]["language"] == "system" and build[0]["pass_filenames"] is False
    # source.txt files stay byte for byte: no fixer may touch them.
    for hook_id in ("end-of-file-fixer", "trailing-whitespace", "mixed-line-ending"):
        if hook_id in hooks:
            assert re.search(hooks[hook_id].get("exclude", "^$"), "archive/articles/2022-04-30-x/source.txt")


def test_the_pre_commit_hooks_run_from_the_project_alone(tmp_path):
    """The hooks run in a repository with the project's .venv and nothing fetched: the
    fixers fix a file, a source.txt stays byte for byte, and mkdocs.yml's !ENV passes."""
    repo = tmp_path / "repo"
    (repo / "archive" / "articles" / "x").mkdir(parents=True)
    (repo / ".pre-commit-config.yaml").write_bytes(PRE_COMMIT.read_bytes())
    (repo / ".venv").symlink_to(ROOT / ".venv")
    (repo / "notes.txt").write_text("Trailing spaces   \nno final line break", encoding="utf-8")
    source = b"Title  \n2022-04-30 0 By\n\nText without a final line break"
    (repo / "archive" / "articles" / "x" / "source.txt").write_bytes(source)
    (repo / "mkdocs.yml").write_text("site_url: !ENV [SITE_URL, 'https://example.org/']\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    (repo / ".gitignore").write_text(".venv\n", encoding="utf-8")
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "SKIP": "build-check"}
    result = subprocess.run([tool("pre-commit"), "run", "--all-files"], cwd=repo, env=env, capture_output=True,
                            text=True, timeout=300)
    assert "Failed" in result.stdout and result.returncode == 1, result.stdout + result.stderr  # it fixed files
    assert (repo / "notes.txt").read_text(encoding="utf-8") == "Trailing spaces\nno final line break\n"
    assert (repo / "archive" / "articles" / "x" / "source.txt").read_bytes() == source
    assert re.search(r"YAML files parse[^\n]*\.Passed", result.stdout), result.stdout
    again = subprocess.run([tool("pre-commit"), "run", "--all-files"], cwd=repo, env=env, capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    assert not (tmp_path / "cache" / "repo").exists() and "Initializing environment" not in result.stderr


def _fixed_by(hook: dict, files: list[str], tmp_path: Path) -> list[str]:
    """The files among `files` (paths in the clone) that `hook` would rewrite: each is copied
    under tmp_path and the hook's own command is run on the copies."""
    from identify.identify import tags_from_path

    exclude = re.compile(hook.get("exclude", "^$"))
    wanted = set(hook.get("types", [])) | set(hook.get("types_or", []))
    chosen = [f for f in files if not exclude.search(f) and (ROOT / f).is_file()
              and wanted <= tags_from_path(str(ROOT / f))]
    copies = {}
    for name in chosen:
        copy_ = tmp_path / hook["id"] / name
        copy_.parent.mkdir(parents=True, exist_ok=True)
        copy_.write_bytes((ROOT / name).read_bytes())
        copies[name] = copy_
    command = hook["entry"].split()
    command[0] = str(ROOT / command[0])
    for start in range(0, len(chosen), 200):
        subprocess.run(command + [str(copies[n]) for n in chosen[start:start + 200]], capture_output=True)
    return [n for n in chosen if copies[n].read_bytes() != (ROOT / n).read_bytes()]


def test_pre_commit_fixers_leave_every_committed_file_as_it_is(tmp_path):
    """`pre-commit run --all-files`, which the config's first lines tell maintainers to run,
    added a line break at the end of the tests' fixtures (a copy of the seed's source.txt, a
    file whose last UTF-8 character is cut off on purpose), and a test then failed; the
    trailing-space fixer would also take the line breaks out of Markdown written with two
    spaces. Every file of the clone is run through both fixers: none may change."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    files = [f for f in listed.stdout.decode().split("\0") if f]
    assert "tests/fixtures/raw/truncated_utf8.txt" in files and "tests/fixtures/seed.txt" in files
    hooks = {h["id"]: h for r in load(PRE_COMMIT)["repos"] for h in r["hooks"]}
    for hook_id in ("end-of-file-fixer", "trailing-whitespace"):
        assert _fixed_by(hooks[hook_id], files, tmp_path) == [], hook_id


def test_pre_commit_fixer_check_can_fail(tmp_path):
    """The check above sees a fixer rewrite a file: without their exclusions, both fixers
    rewrite the fixtures, and without its option the trailing-space fixer rewrites a line of
    Markdown that ends in a line break."""
    hooks = {h["id"]: dict(h) for r in load(PRE_COMMIT)["repos"] for h in r["hooks"]}
    bare = {key: {**hooks[key], "exclude": "^$"} for key in ("end-of-file-fixer", "trailing-whitespace")}
    assert "tests/fixtures/seed.txt" in _fixed_by(bare["end-of-file-fixer"], ["tests/fixtures/seed.txt"], tmp_path)
    markdown = tmp_path / "docs-copy" / "linebreak.md"
    markdown.parent.mkdir()
    markdown.write_text("First line  \nsecond line\n", encoding="utf-8")
    fixer = hooks["trailing-whitespace"]["entry"].split()
    plain = [str(ROOT / fixer[0])] + [a for a in fixer[1:] if not a.startswith("--markdown-linebreak-ext")]
    kept = subprocess.run([str(ROOT / fixer[0]), *fixer[1:], str(markdown)], capture_output=True)
    assert markdown.read_text(encoding="utf-8") == "First line  \nsecond line\n", kept
    subprocess.run(plain + [str(markdown)], capture_output=True)
    assert markdown.read_text(encoding="utf-8") == "First line\nsecond line\n"
