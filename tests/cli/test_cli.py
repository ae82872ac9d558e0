"""The command line, run in fresh processes as a user runs it."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATA, EXAMPLE_FILES, run_edukg, run_edukg_process


def test_demo_builds_the_example_graph_and_prints_paths(tmp_path: Path) -> None:
    result = run_edukg("demo", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "SHACL: conforms" in result.stdout
    written = [
        Path(line.split(": ", 1)[1])
        for line in result.stdout.splitlines()
        if line.startswith("wrote: ")
    ]
    assert [p.name for p in written] == [
        "edukg.ttl",
        "edukg.jsonld",
        "edukg.nq",
        "network.html",
        "report.html",
    ]
    assert all(p.is_file() and p.stat().st_size > 1000 for p in written)
    turtle = written[0].read_text("utf-8")
    assert "Минский областной институт развития образования" in turtle
    # Real CORDIS data, not invented examples: names joined from the names tables.
    assert "BELARUSIAN STATE UNIVERSITY" in turtle and "иллюстративный пример" not in turtle
    assert "loaded h2020_participations-BY-RU-KZ-CentralAsia.csv" in result.stdout
    # the name and project tables write nothing of their own: said so, not "+0 -0"
    assert "read h2020_unique_org-cut.csv (no statements of its own" in result.stdout
    assert "(+0 -0, 0 triples)" not in result.stdout
    assert "institutions" in result.stdout and "1950 institutions" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].endswith("report.html")
    assert (tmp_path / "edukg-store").is_dir()


def test_missing_file_exits_1_without_traceback(tmp_path: Path) -> None:
    result = run_edukg_process("load", "nope.ttl", cwd=tmp_path)
    assert result.returncode == 1
    assert "nope.ttl: error: file not found" in result.stderr
    assert "nothing was loaded" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_turtle_reports_its_line_and_changes_nothing(tmp_path: Path) -> None:
    assert (
        run_edukg("load", str(DATA / "shapes" / "good-partial-dates.ttl"), cwd=tmp_path).returncode
        == 0
    )
    before = run_edukg("export", "-f", "nq", cwd=tmp_path).stdout
    result = run_edukg("load", str(DATA / "rdf" / "malformed.ttl"), cwd=tmp_path)
    assert result.returncode == 1
    assert "malformed.ttl:3:26: error: syntax error" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_edukg("export", "-f", "nq", cwd=tmp_path).stdout == before


def test_load_report_file_lists_every_problem(tmp_path: Path) -> None:
    report = tmp_path / "problems.csv"
    result = run_edukg(
        "load",
        "absent.ttl",
        str(DATA / "rdf" / "malformed.ttl"),
        "--report",
        str(report),
        cwd=tmp_path,
    )
    assert result.returncode == 1
    lines = report.read_text("utf-8-sig").splitlines()
    assert lines[0].startswith("severity,file,sheet,cell,line,column,value,message,hint")
    assert len(lines) == 3 and "malformed.ttl" in lines[2] and ",3,26," in lines[2]


def test_validate_exit_codes(tmp_path: Path) -> None:
    assert run_edukg("validate", cwd=tmp_path).returncode == 2  # no store yet: could not run
    assert (
        run_edukg(
            "load", str(DATA / "shapes" / "event-ends-before-start.ttl"), cwd=tmp_path
        ).returncode
        == 0
    )
    result = run_edukg("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        "<https://edukg.example/id/test/ev> «Семинар» schema:endDate: "
        "the event ends (2024-10-04) before it starts (2024-10-05)"
        in result.stdout
    )
    assert "[rule: SPARQLConstraintComponent]" in result.stdout
    assert (
        run_edukg("sources", "remove", "event-ends-before-start.ttl", cwd=tmp_path).returncode == 0
    )
    assert run_edukg("validate", cwd=tmp_path).returncode == 0


def test_store_location_from_option_and_environment(tmp_path: Path) -> None:
    example = Path(__file__).parents[2] / "examples" / "minsk-region-2024.ttl"
    assert run_edukg("--store", "by-option", "load", str(example), cwd=tmp_path).returncode == 0
    assert (
        run_edukg(
            "load", str(example), cwd=tmp_path, env={"EDUKG_STORE": str(tmp_path / "by-env")}
        ).returncode
        == 0
    )
    assert (tmp_path / "by-option").is_dir() and (tmp_path / "by-env").is_dir()
    listed = run_edukg("--store", "by-option", "sources", cwd=tmp_path)
    assert listed.stdout.startswith("minsk-region-2024.ttl\t55 triples\trdf ")


def test_stats_counts_per_class_and_source(tmp_path: Path) -> None:
    assert run_edukg("load", *map(str, EXAMPLE_FILES), cwd=tmp_path).returncode == 0
    result = run_edukg("stats", cwd=tmp_path)
    assert result.returncode == 0
    assert "  institutions: 8" in result.stdout and "  agreements: 4" in result.stdout
    assert "source minsk-region-2024.ttl: 55 triples" in result.stdout


def test_bad_option_value_is_a_usage_error(tmp_path: Path) -> None:
    result = run_edukg("export", "-f", "docx", cwd=tmp_path)
    assert result.returncode == 2 and "Invalid value" in result.stderr
    result = run_edukg("--base-iri", "not-an-iri", "stats", cwd=tmp_path)
    assert result.returncode == 2 and "not an absolute http(s) IRI" in result.stderr


def test_memory_store_runs_one_command_and_keeps_nothing(tmp_path: Path) -> None:
    result = run_edukg("--store", ":memory:", "demo", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "store: in memory, not kept" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_viz_and_report_write_self_contained_pages(tmp_path: Path) -> None:
    assert run_edukg("load", *map(str, EXAMPLE_FILES), cwd=tmp_path).returncode == 0
    result = run_edukg(
        "viz", "--level", "country", "-o", "countries.html", "--svg", "countries.svg", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "countries.html").read_text("utf-8")
    assert "Таджикистан" in page and "http://" not in page.split("<body", 1)[0].replace(
        "http://www.w3.org", ""
    )
    assert (tmp_path / "countries.svg").read_text("utf-8").lstrip().startswith("<")
    result = run_edukg("report", "-o", "report.html", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Expiring" in (tmp_path / "report.html").read_text("utf-8")
    bad = run_edukg("viz", "-o", "x.html", "--focus", "https://nowhere.example/x", cwd=tmp_path)
    assert bad.returncode == 2 and "is not a node" in bad.stderr and "Traceback" not in bad.stderr


def test_load_says_a_cordis_name_table_only_completes_the_others(tmp_path: Path) -> None:
    cordis = DATA / "cordis"
    tables = ["h2020_participations-cut.csv", "h2020_unique_org-cut.csv"]
    result = run_edukg("load", *(str(cordis / name) for name in tables), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("h2020_participations-cut.csv: loaded, +") for line in lines)
    assert "h2020_unique_org-cut.csv: read; no statements of its own" in result.stdout
    assert "h2020_unique_org-cut.csv: loaded" not in result.stdout
