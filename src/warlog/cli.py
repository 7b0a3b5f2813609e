"""The ``warlog`` command. Thin: parses options, calls the stages, prints results."""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections import Counter
from importlib import resources
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from warlog import runner
from warlog.export import FORMATS, export, ledger
from warlog.store import SQLiteStore, StoreError, is_url, open_store, redact

DEFAULT_DB = "warlog.db"

db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
    help="The warlog database: a SQLite file, or a PostgreSQL URL "
         "(postgresql://USER@HOST/DBNAME) for many users.",
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress bars or tables.")


def _existing_store(db: str) -> SQLiteStore:
    """Commands that read a ledger refuse to invent an empty one."""
    if not is_url(db) and not Path(db).is_file():
        raise click.UsageError(
            f"there is no warlog database at {db}; create one with `warlog run PATH --db {db}`")
    return open_store(db)


def _console(quiet: bool = False) -> Console:
    return Console(quiet=quiet, highlight=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="warlog")
def main() -> None:
    """warlog: conflict reports in, a sourced, geolocated ledger of events out."""


def _ingest_options(f):
    """The inputs and options shared by `ingest` and `run`."""
    f = quiet_option(f)
    f = click.option("--max-mb", type=float, default=20, show_default=True,
                     help="Refuse single input files larger than this.")(f)
    f = click.option("--text-column", help="CSV/JSON field holding the report text "
                     "(default: text, body, content, ...).")(f)
    f = db_option(f)
    return click.argument("inputs", nargs=-1, required=True)(f)


def _cluster_options(f):
    """--workers / --cluster: where extraction runs; --no-ner: without spaCy's recogniser
    (see docs/scaling.md)."""
    f = click.option("--no-ner", is_flag=True,
                     help="Leave out spaCy's named-entity check of English place names: "
                          "about a third faster, English places somewhat less accurate "
                          "(docs/scaling.md gives both).")(f)
    f = click.option("--cluster", metavar="tcp://HOST:8786",
                     help="Extract on an existing Dask scheduler (workers need warlog "
                          "installed); the database stays on this machine.")(f)
    return click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
                        help="Extract in this many local worker processes (Dask).")(f)


def _cluster_spec(workers: int, cluster: str | None, no_ner: bool = False):
    from warlog.scale import ClusterSpec

    return ClusterSpec(workers=workers, address=cluster, ner=not no_ner)


def _extract(store: SQLiteStore, feedback, workers: int, cluster: str | None,
             no_ner: bool = False) -> int:
    from warlog.scale import ClusterError

    try:
        return runner.extract(store, feedback, cluster=_cluster_spec(workers, cluster, no_ner))
    except ClusterError as err:
        raise click.ClickException(str(err)) from err


def _report_ingest(console: Console, report) -> None:
    if not report.inputs:
        console.print("ingest: no files found in the given folders")
    console.print(
        f"ingest: {report.inputs} inputs, {report.documents_new} new documents, "
        f"{report.documents_seen} already stored, {report.skipped} unchanged inputs skipped, "
        f"{len(report.failures)} failed"
    )
    for failure in report.failures[:10]:
        console.print(f"  [red]failed[/] {failure.locator}: {failure.reason}")
    if len(report.failures) > 10:
        console.print(f"  ... and {len(report.failures) - 10} more (see `warlog show`)")


@main.command()
@_ingest_options
def ingest(inputs, db, text_column, max_mb, quiet):
    """Read reports from files, folders, feeds and web pages into the database.

    INPUTS are files (.txt .md .html .json .jsonl .csv .xml/.rss/.atom feeds), folders
    (read recursively) or http(s) URLs of pages and feeds. Reading the same input
    twice adds nothing."""
    store = open_store(db)
    report = runner.ingest(store, list(inputs), runner.Feedback(quiet),
                           text_column=text_column, max_bytes=int(max_mb * 1e6))
    _report_ingest(_console(quiet), report)
    sys.exit(0 if report.processed else 1)


@main.command()
@db_option
@quiet_option
@_cluster_options
def extract(db, quiet, workers, cluster, no_ner):
    """Find events, places, dates, actors, casualties and quotes in new documents."""
    store = _existing_store(db)
    n = _extract(store, runner.Feedback(quiet), workers, cluster, no_ner)
    _console(quiet).print(f"extract: {n} event mentions from new documents")


@main.command()
@db_option
@quiet_option
@click.option("--rebuild", is_flag=True, help="Regroup every report from scratch (locked "
              "incidents and an analyst's merges and splits are kept).")
def group(db, quiet, rebuild):
    """Merge mentions of the same event into incidents (new reports only, unless --rebuild)."""
    from warlog.group import group_store

    report = group_store(_existing_store(db), rebuild=rebuild)
    _console(quiet).print(f"group: {report.incidents} incidents; {report.placed} reports placed, "
                          f"{report.attached} joined existing incidents, {report.opened} opened")


def _run(store: SQLiteStore, inputs: list[str], quiet: bool, workers: int = 1,
         cluster: str | None = None, no_ner: bool = False, **ingest_kwargs) -> int:
    console = _console(quiet)
    feedback = runner.Feedback(quiet)
    report = runner.ingest(store, inputs, feedback, **ingest_kwargs)
    _report_ingest(console, report)
    mentions = _extract(store, feedback, workers, cluster, no_ner)
    console.print(f"extract: {mentions} event mentions from new documents")
    incidents = runner.group(store)
    console.print(f"group: {incidents} incidents")
    return 0 if report.processed else 1


@main.command()
@_ingest_options
@_cluster_options
def run(inputs, db, text_column, max_mb, quiet, workers, cluster, no_ner):
    """Ingest, extract and group in one go. Safe to interrupt and run again."""
    store = open_store(db)
    sys.exit(_run(store, list(inputs), quiet, workers, cluster, no_ner, text_column=text_column,
                  max_bytes=int(max_mb * 1e6)))


@main.command()
@_ingest_options
@_cluster_options
@click.option("--every", default="5m", show_default=True,
              help="How often to look for new reports: 30s, 5m, 1h, ...")
@click.option("--polls", type=click.IntRange(1), help="Stop after this many polls "
              "(default: until interrupted).")
def watch(inputs, db, text_column, max_mb, quiet, workers, cluster, no_ner, every, polls):
    """Keep watching folders and feeds: new reports are read, extracted and attached to
    incidents as they appear. Stop it any time (even kill -9); started again, it goes on
    where it stopped, without reading or extracting anything twice."""
    from warlog.scale import ClusterError
    from warlog.watch import Watcher, parse_every

    try:
        seconds = parse_every(every)
        watcher = Watcher(open_store(db), list(inputs), runner.Feedback(quiet),
                          cluster=_cluster_spec(workers, cluster, no_ner),
                          text_column=text_column,
                          max_bytes=int(max_mb * 1e6))
    except (ValueError, FileNotFoundError) as err:
        raise click.UsageError(str(err)) from err
    console = _console(quiet)
    console.print(f"watching {len(inputs)} inputs every {every}; stop with Ctrl-C")
    try:
        watcher.run(seconds, polls, on_poll=lambda p: console.print(p.line()))
    except ClusterError as err:
        raise click.ClickException(str(err)) from err


@main.command(name="export")
@db_option
@click.option("--format", "fmt", type=click.Choice(sorted([*FORMATS, "parquet"])),
              default="acled-csv", show_default=True,
              help="acled-csv: one row per incident with ACLED's columns; "
              "geojson: points for maps; jsonl: everything, with evidence and quotes; "
              "parquet: the CSV's columns, typed, for pandas, polars and DuckDB (needs --out).")
@click.option("--out", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@click.option("--as-of", "as_of", metavar="DATE",
              help="The ledger as it stood then (a date: the end of that day, UTC; or a date-time).")
@click.option("--reviewed-only", is_flag=True, help="Only incidents an analyst marked reviewed.")
def export_cmd(db, fmt, out, as_of, reviewed_only):
    """Write the incidents in a format the field uses (analysts' corrections applied)."""
    try:
        if fmt == "parquet":
            from warlog.export import to_parquet

            if not out:
                raise click.UsageError("Parquet is a binary file: name it with --out FILE.parquet")
            rows = to_parquet(_existing_store(db), out, as_of, reviewed_only)
            click.echo(f"wrote {out} ({rows} incidents)", err=True)
            return
        text = export(_existing_store(db), fmt, as_of, reviewed_only)
    except ValueError as err:
        raise click.UsageError(str(err)) from err
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=False)


@main.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "graphml", "csv"]), default="json",
              show_default=True, help="json: {nodes, edges}; graphml: for Gephi and "
              "networkx; csv: one edge a row.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only incidents on or after.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Only incidents on or before.")
def network(db, fmt, out, since, until):
    """Who fights, backs and is allied with whom: actors and their relations, weighted by
    incidents and claims, asserted and reported kept apart."""
    from warlog import network as net

    graph = net.from_store(_existing_store(db), since.date() if since else None,
                           until.date() if until else None)
    text = net.FORMATS[fmt](graph)
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}: {len(graph.nodes)} actors, {len(graph.edges)} relations", err=True)
    else:
        click.echo(text, nl=False)


def summary(store: SQLiteStore) -> dict:
    incidents = ledger(store)  # as published: merged-away and not-an-event ones left out
    actors: Counter[str] = Counter()
    for inc in incidents:
        for name in (inc.actor1, inc.actor2):
            if name:
                actors[name] += 1
    return {
        "documents": store.count("documents"),
        "mentions": store.count("mentions"),
        "incidents": len(incidents),
        "fatalities_low": sum(i.fatalities_low for i in incidents),
        "civilians_killed_min": sum(i.civilians_killed_min for i in incidents),
        "by_event_type": dict(Counter(i.event_type for i in incidents).most_common()),
        "by_country": dict(Counter(i.country or "unknown" for i in incidents).most_common()),
        "by_place": dict(Counter(i.location or "unknown" for i in incidents).most_common(15)),
        "by_month": dict(sorted(Counter(i.event_date.strftime("%Y-%m") for i in incidents).items())),
        "top_actors": dict(actors.most_common(15)),
        "failures": [f.model_dump() for f in store.failures()],
    }


def _table(title: str, header: str, counts: dict) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(header)
    table.add_column("incidents", justify="right")
    for key, value in counts.items():
        table.add_row(str(key), str(value))
    return table


def print_summary(console: Console, data: dict) -> None:
    from rich.columns import Columns

    console.print(
        f"[bold]{data['documents']}[/] documents, [bold]{data['mentions']}[/] event mentions, "
        f"[bold]{data['incidents']}[/] incidents; at least [bold]{data['fatalities_low']}[/] "
        f"killed, of them at least {data['civilians_killed_min']} civilians"
    )
    console.print(Columns([
        _table("By event type", "event_type", data["by_event_type"]),
        _table("By country", "country", data["by_country"]),
        _table("By month", "month", data["by_month"]),
    ]))
    console.print(Columns([
        _table("By place", "location", data["by_place"]),
        _table("Top actors", "actor", data["top_actors"]),
    ]))
    if data["failures"]:
        table = Table(title=f"Inputs that failed ({len(data['failures'])})", title_justify="left")
        table.add_column("input")
        table.add_column("reason")
        for f in data["failures"]:
            table.add_row(f["locator"], f["reason"])
        console.print(table)
    else:
        console.print("No inputs failed.")


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object, for scripts.")
def show(db, as_json):
    """Tables: incidents by type, country, place and month; top actors; failed inputs."""
    data = summary(_existing_store(db))
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print_summary(_console(), data)


@main.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON lines, for scripts.")
def search(query, db, limit, as_json):
    """Full-text search over the reports (SQLite FTS5 syntax: words, "phrases", OR, NEAR)."""
    import sqlite3

    try:
        rows = _existing_store(db).search(query, limit)
    except sqlite3.OperationalError as err:
        raise click.UsageError(f"the search query could not be read: {err}") from err
    if as_json:
        for r in rows:
            click.echo(json.dumps(dict(r), ensure_ascii=False))
        return
    console = _console()
    if not rows:
        console.print("No report matches.")
    for r in rows:
        console.print(f"[bold]{r['title'] or '(no title)'}[/] — {r['publisher'] or '?'}, "
                      f"{r['published'] or 'no date'} [dim]{r['id'][:12]}[/]")
        console.print(f"  {r['snippet']}")


@main.command()
@click.option("--out", default="warlog-demo", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the demo database and exports (replaced).")
@quiet_option
def demo(out, quiet):
    """Run the whole pipeline on the built-in sample reports and show the result."""
    started = time.monotonic()
    out_dir = Path(out)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    store = open_store(out_dir / "warlog.db")
    console = _console(quiet)
    with resources.as_file(resources.files("warlog.demo").joinpath("reports")) as reports:
        console.print(f"Running warlog on the sample reports in {reports}")
        _run(store, [str(reports)], quiet)
    paths = {}
    for fmt, (_, suffix) in FORMATS.items():
        path = out_dir / f"incidents.{suffix}"
        path.write_text(export(store, fmt), encoding="utf-8")
        paths[fmt] = path
    print_summary(console, summary(store))
    console.print(f"\nDatabase: {out_dir / 'warlog.db'}")
    for fmt, path in paths.items():
        console.print(f"{fmt:>10}: {path}")
    console.print(f"Done in {time.monotonic() - started:.1f} s. Try: warlog show --db "
                  f"{out_dir / 'warlog.db'}  or  warlog search Fallujah --db {out_dir / 'warlog.db'}")


@main.command()
@click.option("--corpus", help="Folder of reports to time (default: the demo corpus), or "
              "'synthetic': generated reports, timed at 1 and at --workers workers.")
@click.option("--words", default=500_000, show_default=True,
              help="Repeat the corpus until it holds at least this many words.")
@click.option("--no-spacy", is_flag=True, help="Time warlog only.")
@click.option("--lang", type=click.Choice(["ar", "en"]),
              help="Only the reports in this language (ar: spaCy's English model is skipped).")
@click.option("--json", "as_json", is_flag=True, help="End with one JSON object, for scripts.")
@click.option("--stage", type=click.Choice(["extract", "group"]), default="extract",
              show_default=True, help="group: time grouping on synthetic mentions.")
@click.option("--mentions", "sizes", type=int, multiple=True,
              help="With --stage group: sizes to time (default 10000, 100000, 1000000).")
@click.option("--docs", default=500, show_default=True, help="synthetic: how many reports.")
@click.option("--workers", type=click.IntRange(1), default=2, show_default=True,
              help="synthetic: Dask worker processes to compare with one.")
@click.option("--doc-words", default=500, show_default=True, help="synthetic: words a report.")
@click.option("--arabic-share", type=click.FloatRange(0, 1), default=0.2, show_default=True,
              help="synthetic: the share of reports in Arabic.")
@click.option("--no-ner", is_flag=True,
              help="synthetic: extract as `warlog run --no-ner` does (no spaCy recogniser).")
def bench(corpus, words, no_spacy, lang, as_json, stage, sizes, docs, workers, doc_words,
          arabic_share, no_ner):
    """Time extraction (one core), and spaCy's full English pipeline on the same texts;
    with --corpus synthetic, throughput and scaling over Dask workers; with --stage group,
    grouping on synthetic mentions."""
    if stage == "group":
        from warlog import bench_group

        bench_group.report(list(sizes or bench_group.DEFAULT_SIZES), as_json)
        return
    if corpus == "synthetic":
        from warlog.bench_scale import print_result, run_scale_bench

        result = run_scale_bench(docs, workers, doc_words, arabic_share, quiet=as_json,
                                 ner=not no_ner)
        print_result(Console(stderr=True) if as_json else _console(), result)
        if as_json:
            click.echo(json.dumps(result.as_json()))
        return
    if corpus and not Path(corpus).is_dir():
        raise click.UsageError(f"--corpus {corpus}: no such folder (or say 'synthetic')")
    from warlog.bench import run_bench

    result = run_bench(Path(corpus) if corpus else None, words,
                       with_spacy=not no_spacy and lang != "ar", language=lang)
    data = result.as_json()
    table = Table(title=f"{data['documents']:,} documents, {data['words']:,} words",
                  title_justify="left")
    table.add_column("")
    table.add_column("words/s", justify="right")
    table.add_column("documents/s", justify="right")
    table.add_row("warlog", f"{data['words_per_s']:,.0f}", f"{data['docs_per_s']:,.1f}")
    if data["spacy_words_per_s"]:
        table.add_row("spaCy en_core_web_sm (full pipeline)", f"{data['spacy_words_per_s']:,.0f}",
                      f"{data['spacy_docs_per_s']:,.1f}")
    _console().print(table)
    if data["speedup_vs_spacy"]:
        _console().print(f"warlog is {data['speedup_vs_spacy']:.2f}x spaCy's speed; "
                         f"warlog's peak memory {data['peak_mb']:,.0f} MB")
    if as_json:
        click.echo(json.dumps(data))


@main.group()
def gazetteer():
    """The place-name gazetteer: import GeoNames dumps for village-level coverage."""


@gazetteer.command(name="import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--into", type=click.Path(dir_okay=False),
              help="Gazetteer database to write (default: $WARLOG_GAZETTEER or "
                   "~/.local/share/warlog/gazetteer.db).")
def gazetteer_import(files, into):
    """Load GeoNames files: XX.zip, XX.txt[.gz], allCountries, admin1CodesASCII.txt,
    alternateNamesV2.txt (and the 4-column names tables of the shared stand-in).

    Importing the same file again replaces its rows; extraction uses the imported
    places from the next run on."""
    from warlog.gazetteer.imports import GazetteerImportError, default_path, import_files

    target = Path(into) if into else default_path()
    try:
        reports = import_files([Path(f) for f in files], target)
    except (GazetteerImportError, UnicodeDecodeError, ValueError) as err:
        raise click.ClickException(str(err)) from err
    for r in reports:
        click.echo(f"{r.file}: {r.rows:,} {r.kind.replace('_', ' ')} rows")
    click.echo(f"gazetteer: {target}")


@gazetteer.command(name="info")
def gazetteer_info():
    """Which gazetteer extraction uses, and how many names it knows."""
    from warlog.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    click.echo(f"{gaz.source}: {len(gaz.by_id):,} places, {len(gaz.names):,} names")


@main.command(name="eval")
@click.argument("set_name", metavar="SET")
@click.argument("path", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="End with one JSON object, for scripts.")
@click.option("--limit", type=int, help="Score only the first N records (a quick look).")
def eval_cmd(set_name, path, as_json, limit):
    """Measure warlog on a gold set in its own format (see ../shared/gold/README.md).

    SET names the gold set (case2021, fakes, airwars-gaza, geoparsing, ...; an unknown
    name lists the known ones); PATH is that set's file or folder."""
    from warlog.eval import load_sets

    sets = load_sets()
    if set_name not in sets:
        raise click.UsageError(f"unknown gold set {set_name!r}; known: {', '.join(sorted(sets))}")
    result = sets[set_name](Path(path), limit)
    console = _console()
    table = Table(title=f"{result.set}: {result.n} records, gazetteer: {result.gazetteer}",
                  title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in result.metrics.items():
        table.add_row(key, f"{value:.3f}")
    for label, value in result.details:
        table.add_row(f"[dim]{label}[/]", value)
    console.print(table)
    if as_json:
        click.echo(json.dumps(result.as_json(), ensure_ascii=False))


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="The warlog database file.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--tile-url", envvar="WARLOG_TILE_URL", default="",
              help="Map tile server, e.g. https://tile.example.org/{z}/{x}/{y}.png "
                   "(default: offline country outlines).")
@click.option("--tile-attribution", envvar="WARLOG_TILE_ATTRIBUTION", default="")
@click.option("--first-admin", metavar="NAME",
              help="When the database has no accounts yet, make NAME an admin with a random "
                   "password, printed once.")
def serve(db, host, port, tile_url, tile_attribution, first_admin):
    """The review desk in a browser: queue, incidents with evidence, map, history."""
    import secrets

    from warlog.store.review import SQLiteReview
    from warlog.web.server import serve as run_server

    review = SQLiteReview(_existing_store(db))
    if not review.users():
        if first_admin:
            password = secrets.token_urlsafe(12)
            review.add_user(first_admin, "admin", password)
            click.echo(f"first account: {first_admin} / {password} (admin); change it under Users")
        else:
            click.echo(f"no accounts yet: add one with `warlog user add NAME --role admin --db {db}`")
    review.store.close()
    run_server(db, host, port, tile_url=tile_url, tile_attribution=tile_attribution)


@main.group()
def user():
    """Accounts of the review desk."""


@user.command(name="add")
@click.argument("name")
@click.option("--role", type=click.Choice(["viewer", "analyst", "admin"]), required=True,
              help="viewer: reads reviewed incidents; analyst: edits; admin: users and settings.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@db_option
def user_add(name, role, password_stdin, db):
    """Add a user, or give an existing one a new role and password."""
    from warlog.store.review import ReviewError, SQLiteReview

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        SQLiteReview(open_store(db)).add_user(name, role, password)
    except ReviewError as err:
        raise click.UsageError(str(err)) from err
    click.echo(f"user {name} ({role}) saved in {db}")


@main.group()
def token():
    """API tokens for scripts."""


@token.command(name="create")
@click.argument("name")
@click.option("--label", default="", help="What the token is for.")
@db_option
def token_create(name, label, db):
    """Make an API token acting as user NAME; it is shown once."""
    from warlog.store.review import ReviewError, SQLiteReview

    try:
        value = SQLiteReview(_existing_store(db)).create_token(name, label)
    except ReviewError as err:
        raise click.UsageError(str(err)) from err
    click.echo(value)


@main.group()
def incident():
    """An analyst's changes from the command line: merge, split, lock, unlock. Each is a
    revision in the same history the review desk writes and shows (`warlog incident history`)."""


def _change_options(f):
    f = click.option("--reason", default="", help="Why, for the history.")(f)
    f = click.option("--user", default="", help="Who the change is logged as "
                     "(default: the account running this command).")(f)
    return db_option(f)


def _change(db: str, make) -> None:
    from warlog.store.review import ReviewError

    try:
        inc = make(_existing_store(db))
    except (ReviewError, ValueError) as err:
        raise click.UsageError(str(err)) from err
    click.echo(f"{inc.event_id_cnty} ({inc.id}): {inc.location}, {inc.event_date}, "
               f"{len(inc.mention_ids)} reports{', locked' if inc.locked else ''}")


@incident.command(name="merge")
@click.argument("incidents", nargs=-1, required=True)
@_change_options
def incident_merge(incidents, db, user, reason):
    """Fold the other INCIDENTS (ids or event_id_cnty) into the first."""
    from warlog.group import merge_incidents

    _change(db, lambda store: merge_incidents(store, list(incidents), reason, user))


@incident.command(name="split")
@click.argument("incident_id")
@click.argument("mention_id")
@_change_options
def incident_split(incident_id, mention_id, db, user, reason):
    """Move one report's mention out of INCIDENT_ID into a new incident (printed)."""
    from warlog.group import split_mention

    _change(db, lambda store: split_mention(store, incident_id, mention_id, reason, user))


@incident.command(name="lock")
@click.argument("incident_id")
@_change_options
def incident_lock(incident_id, db, user, reason):
    """Fix an incident's reports: grouping adds none to it and takes none from it."""
    from warlog.group import lock_incident

    _change(db, lambda store: lock_incident(store, incident_id, True, reason, user))


@incident.command(name="unlock")
@click.argument("incident_id")
@_change_options
def incident_unlock(incident_id, db, user, reason):
    """Lift an incident's lock: grouping may add reports to it again."""
    from warlog.group import lock_incident

    _change(db, lambda store: lock_incident(store, incident_id, False, reason, user))


@incident.command(name="history")
@click.argument("incident_id")
@db_option
def incident_history(incident_id, db):
    """Every change analysts made to an incident, newest first, from the web and here."""
    from warlog.store.review import SQLiteReview

    review = SQLiteReview(_existing_store(db))
    view = review.view(incident_id)
    if view is None:
        raise click.UsageError(f"there is no incident {incident_id} in {db}")
    for r in review.history(view.incident.id):
        related = f" ({r.related_id})" if r.related_id else ""
        click.echo(f"#{r.id} v{r.version} {r.at} {r.user_name}: {r.action}{related}"
                   + (f" - {r.reason}" if r.reason else ""))


@main.command(name="copy-db")
@click.argument("source")
@click.argument("target")
@quiet_option
def copy_db(source, target, quiet):
    """Copy a whole ledger (documents, incidents, accounts, history) into an empty database,
    e.g. a SQLite file into PostgreSQL:
    warlog copy-db warlog.db postgresql://warlog@dbhost/warlog"""
    from warlog.store.copy import copy_ledger, rows_to_copy

    src, dst = _existing_store(source), open_store(target)
    with runner.Feedback(quiet).bar("copying rows", rows_to_copy(src)) as advance:
        try:
            counts = copy_ledger(src, dst, lambda table, n: [advance() for _ in range(n)])
        except StoreError as err:
            raise click.UsageError(str(err)) from err
    click.echo(f"copied {sum(counts.values())} rows ({counts.get('documents', 0)} documents, "
               f"{counts.get('incidents', 0)} incidents, {counts.get('revisions', 0)} revisions)"
               f" into {redact(target)}")


def entry() -> None:
    """The console script: Ctrl-C ends with a word on how to resume, not a traceback."""
    try:
        code = main(standalone_mode=False)
    except click.exceptions.Abort:  # Click's word for KeyboardInterrupt
        click.echo("interrupted; what was written is kept — run the same command again "
                   "to finish the job", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except StoreError as err:  # a database that cannot be opened: say which and why
        click.echo(f"Error: {err}", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    entry()
