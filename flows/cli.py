"""The `sourcecheck` command.

Input is checked before anything starts, so bad usage or bad input costs no Prefect start-up:
one line on stderr naming the file and the problem, exit status 2, nothing written.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.metadata
import importlib.util
import os
import sys
from pathlib import Path

import yaml

from flows.prefect_server import (
    ensure_api,
    quiet_prefect_environment,
    running_server_url,
    server_for_serving,
    state_dir,
    stop_server,
)
from verifiers.errors import InputError
from verifiers.inputs.load import check_input, manifest_data
from verifiers.inputs.watchlist import load_watchlist
from verifiers.pipeline import gather_sources
from verifiers.report import FORMATS
from verifiers.settings import Settings
from verifiers.web.fetcher import FetchSettings, LiveFetcher
from verifiers.web.warc import read_exchanges

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own errors: one line, exit 2
        self.exit(USAGE_ERROR, f"sourcecheck: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sourcecheck",
        description="Check that an article's quotations hold up against their sources.",
    )
    parser.add_argument("--version", action="version", version=f"sourcecheck {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    verify = commands.add_parser(
        "verify", help="verify the quotations of a manifest or an article and write a report"
    )
    verify.add_argument(
        "input",
        metavar="INPUT",
        help="a reference manifest (.yaml, .yml, .json, .toml) or an article: a URL or a "
        ".html, .md or .txt file",
    )
    verify.add_argument(
        "--report-dir",
        metavar="DIR",
        help="write the report here (default: reports/<slug>/<UTC timestamp>/)",
    )
    verify.add_argument(
        "--format",
        default=",".join(FORMATS),
        type=_formats,
        help="report files to write, comma-separated (default: json,md,html)",
    )
    _add_fetch_options(verify)
    _add_archive_option(verify)
    verify.add_argument(
        "--replay", metavar="WARC", help="answer every fetch from this WARC file; no network at all"
    )
    _add_limit_options(verify, "")
    verify.add_argument(
        "--host-interval",
        type=float,
        default=FetchSettings.per_host_interval,
        metavar="SECONDS",
        help="least time between the starts of two requests to one host (default: 0; a "
        "site's robots.txt Crawl-delay, up to 10 s, raises it for that site)",
    )
    verify.add_argument(
        "--ignore-robots",
        action="store_true",
        help="fetch pages even where the site's robots.txt disallows it",
    )
    verify.add_argument(
        "--no-cache",
        action="store_true",
        help="download every page again instead of revalidating the copies kept between runs",
    )

    _add_runner_options(verify)

    watch = commands.add_parser(
        "watch", help="verify every entry of a watchlist once, now, and keep its history"
    )
    watch.add_argument("watchlist", metavar="WATCHLIST", help="the watchlist (YAML)")
    _add_watch_options(watch)
    serve = commands.add_parser(
        "serve", help="re-verify a watchlist on a schedule, as a Prefect deployment"
    )
    serve.add_argument("watchlist", metavar="WATCHLIST", help="the watchlist (YAML)")
    serve.add_argument(
        "--cron", metavar="CRON", help="the schedule (default: the watchlist's, else daily 06:00)"
    )
    serve.add_argument(
        "--interval",
        type=_positive_int,
        metavar="SECONDS",
        help="run every SECONDS instead of on a cron schedule",
    )
    _add_watch_options(serve)

    extract = commands.add_parser(
        "extract",
        help="print the references an article cites and quotes, as a manifest (YAML)",
    )
    extract.add_argument("article", metavar="ARTICLE", help="a URL or a .html, .md or .txt file")
    _add_fetch_options(extract)

    server = commands.add_parser(
        "server", help="the local Prefect server sourcecheck keeps between runs"
    )
    server.add_argument("action", choices=("status", "stop"))
    return parser


def _add_fetch_options(parser: argparse.ArgumentParser) -> None:
    """Options of every command that fetches: the article, the sources, the search."""
    _add_private_hosts_option(parser)
    _add_search_option(parser)
    parser.add_argument(
        "--user-agent",
        metavar="UA",
        help="the User-Agent header sent (default: $SOURCECHECK_USER_AGENT or sourcecheck's)",
    )


def _add_watch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--report-root",
        metavar="DIR",
        help="where history is kept (default: the watchlist's report_root, else reports/)",
    )
    _add_private_hosts_option(parser)
    _add_archive_option(parser)
    _add_search_option(parser)
    _add_limit_options(parser, ", across all entries")
    _add_runner_options(parser)


def _add_archive_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-archive",
        action="store_true",
        help="never read a source that cannot be fetched live from its web-archive copy "
        "(the archive's API: $SOURCECHECK_ARCHIVE_URL, default the Internet Archive's)",
    )


def _add_search_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-search",
        action="store_true",
        help="never ask search services for pages of references that name none "
        "($SOURCECHECK_SEARCH_URL, Crossref, OpenAlex)",
    )


def _add_private_hosts_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-private-hosts",
        action="store_true",
        help="let fetches reach loopback and private addresses",
    )


def _add_limit_options(parser: argparse.ArgumentParser, scope: str) -> None:
    parser.add_argument(
        "--concurrency",
        type=_positive_int,
        default=FetchSettings.concurrency,
        metavar="N",
        help=f"pages fetched at once{scope} (default: 8)",
    )
    parser.add_argument(
        "--per-host",
        type=_positive_int,
        default=FetchSettings.per_host_concurrency,
        metavar="N",
        help=f"requests at once to any one host{scope} (default: 2)",
    )


def _add_runner_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--task-runner",
        choices=("thread", "dask"),
        default="thread",
        help="where the reference checks run: a thread pool (default) or a Dask cluster",
    )
    parser.add_argument(
        "--dask-address",
        metavar="ADDR",
        help="with --task-runner dask: the scheduler to use (default: a local cluster)",
    )


def _version() -> str:
    try:
        return importlib.metadata.version("sourcecheck")
    except importlib.metadata.PackageNotFoundError:  # run from a checkout, not installed
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    if arguments.command == "server":
        return _server(arguments.action)
    if arguments.command == "extract":
        return _extract(arguments)
    if arguments.command in ("watch", "serve"):
        return _watch(arguments)
    return _verify(arguments)


def _watch(arguments: argparse.Namespace) -> int:
    try:
        load_watchlist(arguments.watchlist, arguments.report_root)
        if arguments.task_runner == "dask":
            _check_dask()
    except InputError as error:
        print(f"sourcecheck: {error}", file=sys.stderr)
        return USAGE_ERROR
    quiet_prefect_environment()
    parameters = {
        "report_root": arguments.report_root,
        "allow_private_hosts": arguments.allow_private_hosts,
        "concurrency": arguments.concurrency,
        "per_host": arguments.per_host,
        "use_dask": arguments.task_runner == "dask",
        "dask_address": arguments.dask_address,
        "archive": not arguments.no_archive,
        "search": not arguments.no_search,
    }
    if arguments.command == "serve":
        with server_for_serving() as url:
            from flows.watch import cron_problem, serve_watchlist  # Prefect, once the API is set

            problem = (
                None if arguments.interval else cron_problem(arguments.watchlist, arguments.cron)
            )
            if problem:
                print(f"sourcecheck: {problem}", file=sys.stderr)
                return USAGE_ERROR
            print(f"serving {arguments.watchlist} on the Prefect server at {url}; Ctrl-C stops")
            with contextlib.suppress(KeyboardInterrupt):
                serve_watchlist(arguments.watchlist, arguments.cron, arguments.interval, parameters)
        return 0
    ensure_api()
    from flows.watch import watch

    result = asyncio.run(watch(arguments.watchlist, **parameters))
    for outcome in result.outcomes:
        counts = ", ".join(f"{n} {v}" for v, n in outcome.summary.get("verdicts", {}).items() if n)
        state = outcome.error or counts or "no quotations"
        print(f"{outcome.entry}: {state}")
    for outcome, change in result.worse:
        print(f"worse: {outcome.entry} {change['reference']}: {change['was']} -> {change['now']}")
    print(f"history: {result.report_root}/index.html")
    return result.exit_status


def _check_dask() -> None:
    # Looked for, not imported: importing it imports Prefect before its settings are made.
    if importlib.util.find_spec("prefect_dask") is None:
        raise InputError(
            "--task-runner dask", "needs prefect-dask: pip install 'sourcecheck[dask]'"
        )


def _extract(arguments: argparse.Namespace) -> int:
    """Print the manifest found in an article; no Prefect, nothing written."""
    settings = _settings(arguments)

    async def extract() -> dict:
        async with LiveFetcher(settings.fetch_settings()) as fetcher:
            return manifest_data(
                await gather_sources(arguments.article, fetcher, settings.providers())
            )

    try:  # reading the input checks it: no second reading beforehand
        data = asyncio.run(extract())
    except InputError as error:
        print(f"sourcecheck: {error}", file=sys.stderr)
        return USAGE_ERROR
    print(f"# The references of {arguments.article}, as sourcecheck found them.")
    print(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), end="")
    return 0


def _settings(arguments: argparse.Namespace, **fetch: object) -> Settings:
    """The run's settings: the environment's, with the command line's options over them."""
    settings = Settings.from_environment().switched(
        archive=not getattr(arguments, "no_archive", False), search=not arguments.no_search
    )
    return settings.with_fetch(
        allow_private_hosts=arguments.allow_private_hosts,
        user_agent=arguments.user_agent or settings.fetch.user_agent,
        **fetch,
    )


def _verify(arguments: argparse.Namespace) -> int:
    try:
        check_input(arguments.input)
        if arguments.task_runner == "dask":
            _check_dask()
        if arguments.replay:
            _check_warc(arguments.replay)
        if arguments.report_dir:
            _check_writable(arguments.report_dir)
    except InputError as error:
        print(f"sourcecheck: {error}", file=sys.stderr)
        return USAGE_ERROR
    quiet_prefect_environment()
    ensure_api()
    from flows.verify import verify  # Prefect is imported only once the input is known good

    if arguments.task_runner == "dask":
        from flows.verify import dask_task_runner

        verify = verify.with_options(task_runner=dask_task_runner(arguments.dask_address))

    settings = _settings(
        arguments,
        concurrency=arguments.concurrency,
        per_host_concurrency=arguments.per_host,
        per_host_interval=max(0.0, arguments.host_interval),
        obey_robots=not arguments.ignore_robots,
        cache_dir=None if arguments.no_cache else state_dir() / "pages",
    )
    result = asyncio.run(
        verify(
            arguments.input,
            report_dir=arguments.report_dir,
            formats=arguments.format,
            replay=arguments.replay,
            settings=settings,
        )
    )
    if result.input_error:  # an article URL that cannot be fetched or quotes nothing
        print(f"sourcecheck: {result.input_error}", file=sys.stderr)
        return USAGE_ERROR
    _print_summary(result.summary, result.report_dir)
    return result.exit_status


def _check_warc(path: str) -> None:
    if not Path(path).is_file():
        raise InputError(path, "no such file")
    next(read_exchanges(path), None)


def _check_writable(directory: str) -> None:
    """The report directory must be creatable and writable before anything runs."""
    path = Path(directory).absolute()
    existing = next(p for p in (path, *path.parents) if p.exists())
    if not existing.is_dir():
        raise InputError(directory, f"cannot hold a report: {existing} is not a directory")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(directory, f"cannot hold a report: {existing} is not writable")


def _print_summary(summary: dict, report_dir: str) -> None:
    """What needs attention first; then the counts."""
    quotes, attention = summary["quotes"], summary["attention"]
    counts = ", ".join(f"{n} {verdict}" for verdict, n in summary["verdicts"].items() if n)
    noun = "quotation" if quotes == 1 else "quotations"
    if attention:
        verb = "needs" if attention == 1 else "need"
        headline = f"{attention} of {quotes} {noun} {verb} attention"
    else:
        headline = f"all {quotes} {noun} hold up" if quotes else "no quotations"
    print(f"{headline} ({summary['references']} references: {counts or 'none'})")
    print(f"report: {report_dir}")


def _server(action: str) -> int:
    home = state_dir()
    if action == "stop":
        print("stopped" if stop_server(home) else "no server was running")
        return 0
    url = running_server_url(home)
    print(f"running at {url}" if url else "not running")
    return 0


def _formats(value: str) -> tuple[str, ...]:
    formats = tuple(part.strip().lower() for part in value.split(",") if part.strip())
    unknown = [part for part in formats if part not in FORMATS]
    if unknown or not formats:
        raise argparse.ArgumentTypeError(
            f"unknown report format {unknown[0] if unknown else value!r} "
            f"(choose from {', '.join(FORMATS)})"
        )
    return formats


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, not {value!r}")
    return number


if __name__ == "__main__":
    sys.exit(main())
