"""The benchmark's own parts, fast: the synthesizer makes articles of the family that parse
and ingest, the measurements measure, and the report names every stage and target. (The
benchmark itself is `make bench`; nothing here asserts a timing.)"""

from __future__ import annotations

import concurrent.futures
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from lgnews import bench
from lgnews.ingest import ingest_file
from lgnews.model import load_archive
from lgnews.parse import decode_source, parse_article
from lgnews.records import slugify

N = 6


@pytest.fixture(scope="module")
def synthetic():
    return bench.synthesize(N)


def test_synthesizer_reads_the_seed_from_the_projects_archive():
    text = bench.seed_text()
    assert text.startswith("Louxing District held the 2022 Work safety retreat Meeting")
    assert "Source: Louxing Rong Media Center" in text


def test_synthesized_articles_parse_with_distinct_titles_and_ids(synthetic):
    assert len(synthetic) == N
    titles, ids = set(), set()
    for item in synthetic:
        text, encoding = decode_source(item.data)
        assert encoding == "utf-8"
        parsed = parse_article(text)
        assert parsed.title == item.title
        assert parsed.published == item.published
        assert parsed.source == item.source, item.name
        assert parsed.credits.get("reporter") and parsed.credits.get("editor_in_chief"), item.name
        assert len(parsed.people) >= 4, item.name  # the presiding official and the attendees
        assert len(parsed.paragraphs) >= 3, item.name
        assert parsed.event_date is not None and parsed.event_date <= parsed.published
        titles.add(parsed.title)
        ids.add(f"{parsed.published.isoformat()}-{slugify(parsed.title)[:60].strip('-')}")
    assert len(titles) == N and len(ids) == N


def test_synthesized_articles_keep_the_familys_traits(synthetic):
    for item in synthetic:
        text = item.data.decode("utf-8")
        body = text.replace("\r\n", "\n").split("\n", 4)[4]
        assert re.search(r"[a-z%]\.[A-Z]", body), "sentences are glued as in the seed"
        assert re.search(r"“[^”]{2,80}”", body), "official terms in quotation marks"
        assert re.search(r"\)\s*Editor in Chief: .+ Editor: .+ Source: .+$", body.strip()), "the credit line"
        assert "Louxing District held" not in text or item.district == "Louxing District"


def test_synthesis_is_deterministic_and_varied(synthetic):
    again = bench.synthesize(N + 4)
    assert [s.data for s in again[:N]] == [s.data for s in synthetic], "a larger run extends a smaller one"
    assert [s.data for s in bench.synthesize(N, seed=1)] != [s.data for s in synthetic]
    many = bench.synthesize(200)
    assert len({s.title for s in many}) == 200
    assert len({s.district for s in many}) >= 20
    years = {s.published.year for s in many}
    assert min(years) <= 2017 and max(years) >= 2024, "dates spread over several years"
    assert all(date(2016, 1, 1) <= s.published <= date(2025, 12, 31) for s in many)


def test_synthesized_articles_ingest_and_load(synthetic, tmp_path):
    archive = tmp_path / "archive"
    files = []
    for item in synthetic:
        path = tmp_path / item.name
        path.write_bytes(item.data)
        files.append(path)
    hashes: dict[str, str] = {}
    ids = [ingest_file(path, archive, hashes) for path in files]
    assert len(set(ids)) == N
    loaded = load_archive(archive)
    assert sorted(a.id for a in loaded.articles) == sorted(ids)


def _result(**changes) -> bench.BenchResult:
    stages = [bench.Stage(name, 1.5, 40 * bench.MIB, rewritten=0 if name.startswith("generate") else None)
              for name in bench.STAGE_NAMES]
    result = bench.BenchResult(
        n=100, articles=101, stages=stages,
        site=bench.SiteStats(files=500, html_pages=400, total_bytes=2_000_000, largest_page=("people/x/index.html", 50_000),
                             largest_file=("data/articles.json", 3 * bench.MIB), pages_over_1mib=0, files_over_1mib=1,
                             pagefind_bytes=900_000, lunr_index_bytes=0),
        searches=[bench.SearchStats("safety", 150_000, 11, 90, typed_bytes=190_000), bench.SearchStats("安全", 120_000, 10, 3)],
    )
    for key, value in changes.items():
        setattr(result, key, value)
    return result


def test_report_names_every_stage_and_target():
    text = bench.format_result(_result())
    for name in bench.STAGE_NAMES:
        assert f"| {name} " in text, name
    for figure in ("generation (first run)", "full build", "no-op regeneration", "site per article", "largest page",
                   "pages over 1 MiB", "first search query 'safety'", "first search query '安全'"):
        assert figure in text, figure
    assert "data/articles.json" in text and "people/x/index.html" in text
    assert "MISSED" not in text
    # what a reader typing slowly downloads in all, beside the first query's figure
    assert "150.0 KB in 11 requests, 90 results (typed a key at a time: 190.0 KB)" in text
    assert "typed a key at a time, 190,000 bytes in all" in text


def test_report_says_how_fast_the_processor_was():
    """The same stage takes a third longer when the shared machine's processor is slower:
    the report gives a fixed loop's CPU time before and after the run."""
    text = bench.format_result(_result(probe=(0.271, 0.384)))
    assert "took 0.271 s of CPU before the run and 0.384 s after it" in text
    assert 0 < bench.cpu_probe() < 30


def test_report_says_how_fast_the_disk_was(tmp_path):
    """Creating files is most of the generator's writing, and its cost on a small virtual
    machine changes several-fold: the report gives a fixed write's time before and after."""
    result = _result()
    result.disk = (0.42, 1.37)
    assert "(the disk probe) took 0.42 s before the run and 1.37 s after it" in bench.format_result(result)
    assert 0 < bench.disk_probe(tmp_path / "probe") < 60
    pages = sorted((tmp_path / "probe").glob("*/index.md"))
    assert len(pages) == bench.DISK_PROBE_FILES and pages[0].stat().st_size == 20_000


def test_report_marks_missed_targets_and_missing_stages():
    result = _result()
    result.stage(bench.GENERATE_NOOP).rewritten = 3
    result.site.largest_page = ("glossary/x/index.html", 2 * bench.MIB)
    result.stages = [s for s in result.stages if s.name != bench.PAGEFIND]
    text = bench.format_result(result)
    assert re.search(r"no-op regeneration .*\| MISSED \|", text)
    assert re.search(r"largest page .*\| MISSED \|", text)
    assert re.search(rf"\| {re.escape(bench.PAGEFIND)} +\| +— ", text), "a stage that did not run still has its row"
    statuses = {c.figure: c.ok for c in bench.checks(result)}
    assert statuses["no-op regeneration"] is False and statuses["largest page"] is False
    assert statuses["site per article"] is True


def test_run_stage_reports_the_childs_peak_memory(tmp_path):
    stage, output = bench.run_stage("alloc", [sys.executable, "-c", "x = bytearray(80 * 1024 * 1024); print('ok')"],
                                    tmp_path)
    assert output.strip() == "ok"
    assert stage.peak_rss >= 80 * bench.MIB
    with pytest.raises(bench.StageFailed):
        bench.run_stage("fails", [sys.executable, "-c", "raise SystemExit(3)"], tmp_path)


def test_snapshot_sees_rewrites_creations_and_deletions(tmp_path):
    from lgnews.write import atomic_write

    (tmp_path / "a.md").write_text("a")
    (tmp_path / "b.md").write_text("b")
    (tmp_path / "c.md").write_text("c")
    before = bench.snapshot(tmp_path)
    atomic_write(tmp_path / "a.md", b"a2")
    (tmp_path / "c.md").unlink()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.md").write_text("d")
    assert bench.changed(before, bench.snapshot(tmp_path)) == ["a.md", "c.md", "sub/d.md"]
    assert bench.changed(before, before) == []


def test_site_stats_tell_pages_from_other_files(tmp_path):
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "index.pf_meta").write_bytes(b"x" * 3000)
    (tmp_path / "big.json").write_bytes(b"x" * (bench.MIB + 1))
    (tmp_path / "index.html").write_bytes(b"x" * 2000)
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "index.html").write_bytes(b"x" * 5000)
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "index.html").write_bytes(b"<html><nav>menu</nav><article class=x>" + b"y" * 927
                                                 + b"</article><footer>f</footer></html>")  # 1,000 bytes in all
    stats = bench.site_stats(tmp_path)
    assert stats.largest_page == ("p/index.html", 5000)
    assert stats.largest_file == ("big.json", bench.MIB + 1)
    assert (stats.html_pages, stats.pages_over_1mib, stats.files_over_1mib, stats.pagefind_bytes) == (3, 0, 1, 3000)
    # Where the bytes are, largest first: each top-level folder, and the files at the top.
    assert stats.sections == {"(files at the top)": bench.MIB + 1 + 2000, "p": 5000, "pagefind": 3000, "q": 1000}
    assert list(stats.sections) == ["(files at the top)", "p", "pagefind", "q"]
    # Of a page, its <article> is its own content, the rest the theme's; a page without one is all theme.
    assert stats.content == {"q": 1000 - len(b"<html><nav>menu</nav>") - len(b"<footer>f</footer></html>"),
                             "p": 0, "(files at the top)": 0}
    assert stats.theme == {"q": 1000 - stats.content["q"], "p": 5000, "(files at the top)": 2000}


def test_report_breaks_the_site_down_by_folder_and_the_generator_by_phase():
    result = _result()
    result.site.sections = {"articles": 1_500_000, "data": 500_000}
    result.site.content, result.site.theme = {"articles": 900_000}, {"articles": 600_000}
    result.stage(bench.GENERATE_FIRST).phases = "parsing 8.10 s, model 1.20 s, rendering 7.90 s, writing 2.90 s"
    text = bench.format_result(result)
    assert re.search(r"\| articles +\| +1\.4 MiB \| +14\.5 \| +75% \| +8\.7 \| +5\.8 \| +0\.0 \|", text), text
    assert re.search(r"\| data +\| .*\| +25% \| +— \| +— \| +4\.8 \|", text), text
    assert ("Per article: 8.7 KiB of pages' own content (each page's `<article>`), 5.8 KiB of the theme around it "
            "(1.5 KiB a page on average) and 4.8 KiB of other files") in text
    assert "Without any theme the site would still hold 13.5 KiB per article." in text
    assert re.search(rf"\| {re.escape(bench.GENERATE_FIRST)} +\| parsing 8.10 s, model 1.20 s, rendering 7.90 s", text)


def test_phases_are_read_from_the_generators_closing_line():
    output = ("candidate terms (quoted, not in the glossary): “x” (2)\n"
              "build: 3 article(s), 40 generated file(s): 40 written, 0 unchanged, 0 deleted in 1.25 s "
              "(parsing 0.50 s, model 0.10 s, rendering 0.40 s, writing 0.25 s)\n")
    assert bench._phases(output) == "parsing 0.50 s, model 0.10 s, rendering 0.40 s, writing 0.25 s"
    assert bench._phases("build: nothing changed in archive/ or the generator; 0 files written in 0.30 s\n") == ""


def test_copy_project_leaves_out_build_output(tmp_path):
    copy = bench.copy_project(tmp_path / "copy")
    assert (copy / "archive" / "articles" / bench.SEED_ID / "source.txt").exists()
    for name in (".venv", ".git", "site", "docs/articles", "docs/.generated-manifest.json"):
        assert not (copy / name).exists(), name
    assert (copy / "mkdocs.yml").exists() and (copy / "docs" / "index.md").exists()


def test_a_copy_kept_inside_the_project_does_not_copy_itself(tmp_path):
    """`--keep big`, a folder inside the project: the copy went into itself until Python's
    recursion limit stopped the benchmark, 544 MB of nested copies left behind."""
    root = bench.copy_project(tmp_path / "root")
    (root / "big" / "n5").parent.mkdir()
    (root / "big" / "earlier.txt").write_text("an earlier copy's file\n", encoding="utf-8")
    copy = bench.copy_project(root / "big" / "n5", root)
    assert (copy / "archive" / "articles" / bench.SEED_ID / "source.txt").exists()
    assert not (copy / "big").exists()
    assert sorted(p.name for p in copy.iterdir()) == sorted(p.name for p in root.iterdir() if p.name != "big")
    # Kept deeper in the project, only the folder of the kept copies is left out.
    deeper = bench.copy_project(root / "docs" / "bench" / "n5", root)
    assert (deeper / "docs" / "index.md").is_file() and not (deeper / "docs" / "bench").exists()


@pytest.mark.browser
def test_search_measurement_counts_the_bytes_of_a_first_query(built_site):
    """Through the site's own search box, as a reader searches: the bench had called Pagefind
    alone, without the searches the box runs besides the query, nor the fragments of the ten
    results it shows (a search review: up to 130 KB less than a reader downloads typing)."""
    assert Path(bench.CHROMIUM).exists(), "Debian's Chromium is missing: run `make test` as root, or apt-get install -y chromium"
    index = built_site / "pagefind"
    index_bytes = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    # What any first query loads at least: the script, its worker (whose bytes Chromium does
    # not count: they are counted by their length), the WebAssembly, the list of pages, an
    # index chunk; and, for a query in English, the ten results shown, each by its fragment.
    def size(path: Path) -> int:
        return path.stat().st_size

    loader = sum(size(index / name) for name in ("pagefind.js", "wasm.en.pagefind", "pagefind-worker.js",
                                                 "pagefind-entry.json"))
    loader += size(next(index.glob("*.pf_meta"))) + min(size(p) for p in (index / "index").iterdir())
    ten_fragments = sum(sorted(size(p) for p in (index / "fragment").iterdir())[:10])
    # Playwright's sync API refuses to run where the browser tests' session already runs an
    # event loop: measure in a thread of its own, as the benchmark does in its own process.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        english, chinese = pool.submit(bench.measure_search, built_site, ["safety", "安全"]).result()
    # the count the box showed; Pagefind's script and WebAssembly, and none of the home page's files
    assert english.results >= 5 and english.failed == 0
    assert loader + ten_fragments <= english.bytes <= index_bytes and english.requests >= 15
    # typed a key at a time, "s", "sa", ... were searched as well: at least as much in all
    assert english.typed_bytes >= english.bytes
    assert chinese.results >= 1 and loader < chinese.bytes <= index_bytes and chinese.typed_bytes > 0


def test_bench_command_line_rejects_a_bad_size(capsys):
    with pytest.raises(SystemExit):
        bench.main(["--n", "0"])
    assert "--n must be at least 1" in capsys.readouterr().err


@pytest.mark.parametrize("runs", ["0", "-2"])
def test_lighthouse_command_line_rejects_no_runs(runs):
    """`scripts/lighthouse.py --runs 0` ended in a traceback (the median of no runs), after
    serving the site (a maintainer's review)."""
    result = subprocess.run([sys.executable, str(Path(bench.ROOT) / "scripts" / "lighthouse.py"), "--runs", runs],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "--runs must be at least 1" in result.stderr and "Traceback" not in result.stderr


def test_bench_without_chromium_stops_and_says_how_to_get_it(tmp_path, monkeypatch, capsys):
    """Without the browser the search's figures were left out of the table with a line on
    stderr, and the run ended well: a table short of them passed for a whole one."""
    monkeypatch.setattr(bench, "CHROMIUM", tmp_path / "no-chromium")
    assert bench.main(["--n", "3"]) == 2
    err = capsys.readouterr().err
    assert "needs Debian's Chromium" in err and "sudo apt-get update && sudo apt-get install -y chromium" in err
    assert "--no-search" in err


def test_a_small_bench_runs_every_stage_and_cleans_up_after_the_last(tmp_path, monkeypatch, capsys):
    """`make bench` end to end on 3 articles (no browser): every stage in the table, the
    kept copy without the synthesized inputs, and no temporary folder left; a second run
    into the same --keep folder replaces the first copy. Deleting is left to the very end:
    freed blocks slow this disk's writes, which a later stage would otherwise pay for."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(bench.tempfile, "tempdir", str(temp))
    deleted_while_measuring = []
    real_run_stage = bench.run_stage

    def watched(name, cmd, cwd):
        deleted_while_measuring.append(not (Path(cwd) / "incoming").exists())
        return real_run_stage(name, cmd, cwd)

    monkeypatch.setattr(bench, "run_stage", watched)
    kept = tmp_path / "kept"
    for runs in (1, 2):
        assert bench.main(["--n", "3", "--no-search", "--keep", str(kept), "--first-runs", str(runs)]) == 0
        report = capsys.readouterr().out
        again = re.search(r"The first generation ran 2 times, each in its own copy of the ingested project: "
                          r"(\d+\.\d\d) s, (\d+\.\d\d) s; the table gives the median\.", report)
        assert (again is not None) == (runs == 2), report
        if again:  # of two runs, the median is the slower one
            first_row = re.search(r"^\| generate \(first run\) +\| +(\d+\.\d\d) \|", report, re.M)
            assert first_row and first_row.group(1) == max(again.groups(), key=float), report
            assert re.search(r"^\| generate \(first run\) .*\| [\d,]+ +\|$", report, re.M), report
        probes = re.search(r"took (\d+\.\d+) s of CPU before the run and (\d+\.\d+) s after it", report)
        assert probes and all(float(p) > 0 for p in probes.groups()), report
        disk = re.search(r"\(the disk probe\) took (\d+\.\d+) s before the run and (\d+\.\d+) s after it", report)
        assert disk and all(float(p) > 0 for p in disk.groups()), report
        for stage in bench.STAGE_NAMES:
            assert re.search(rf"^\| {re.escape(stage)} +\| +\d+\.\d\d \|", report, re.M), (stage, report)
        assert (kept / "n3" / "site" / "index.html").is_file()
        # The kept site/ is older than its docs/: the report says so, where it names the folder.
        assert f"Kept in {kept / 'n3'}. Its site/ is the full build; since then one article's title" in report, report
        assert not (kept / "n3" / "incoming").exists()
        assert list(temp.iterdir()) == []
    assert deleted_while_measuring and not any(deleted_while_measuring)
