"""The structure stays as docs/architecture.md draws it: one action path, and layers that only look down."""
import ast
import re
from pathlib import Path

from facilitation import ROOT

PACKAGE = Path(ROOT, "facilitation")

#: import nothing above themselves: the ground every feature stands on
FOUNDATIONS = {"actions", "config", "enums", "errors", "extensions", "forms", "i18n", "limits", "panels", "pages",
               "review", "screening", "security", "signals", "text", "toggles", "util", "backup", "events", "live",
               "accounts", "tags", "written"}
#: the meeting's parts, floor by floor: a feature uses foundations and the features on the floors below its
#: own, never one beside or above it. What a lower floor needs from a higher one goes through a registry the
#: higher one fills (pages.part: a table page shows the room's stance question; panels.register) or a signal
#: it connects to (signals: the programme says a part began; the polls ask, the projector shows).
FEATURE_FLOORS = (
    {"dreams", "tables", "branding"},    # what guests write on the wall and where they sit
    {"programme"},                       # the evening's parts, with the now bar, deeds and rating
    {"market", "polls"},                 # offers and needs between guests; questions to the room
    {"followup"},                        # after the evening: my evening, check-ins, mails
    {"moderation", "reports"},           # every kind of post, waiting or hidden; the report of all of it
    {"projector", "translation"},        # the big screen shows every feature; a translator's line under any post
)
FEATURES = set().union(*FEATURE_FLOORS)
#: put the features together: the app factory, the console, the organiser's pages, sockets, the CLI
SHELLS = {"__init__", "facilitator", "organiser", "sockets", "cli", "models", "home"}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        top = relative.parts[0].removesuffix(".py")
        yield path, top, ast.parse(path.read_text())


def _imported_tops(path, tree):
    """The top-level facilitation packages a module imports (relative and absolute imports)."""
    depth = len(path.relative_to(PACKAGE).parts) - 1
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level - 1 > depth:
                    continue
                base = list(path.relative_to(PACKAGE).parts[:depth - (node.level - 1)])
                target = base + (node.module.split(".") if node.module else [])
                if target:
                    yield target[0]
                else:
                    yield from (alias.name for alias in node.names)
            elif node.module and node.module.startswith("facilitation."):
                yield node.module.split(".")[1]


def test_every_package_has_a_layer():
    tops = {top for _, top, _ in _modules()} - {"translations"}
    assert tops <= FOUNDATIONS | FEATURES | SHELLS, tops - (FOUNDATIONS | FEATURES | SHELLS)


def test_every_package_is_a_regular_package_that_says_what_it_is():
    """issue #29: polls/ and followup/ were namespace packages, without an __init__.py that names the feature."""
    for folder in sorted(Path(ROOT, "facilitation").iterdir()):
        if folder.is_dir() and any(folder.glob("*.py")):
            init = folder / "__init__.py"
            assert init.is_file(), f"{folder.name}/ has no __init__.py"
            assert ast.get_docstring(ast.parse(init.read_text())), f"{folder.name}/__init__.py does not say what it is"


#: module-level maxima that are not a limit a person runs into, each with its reason
NOT_A_LIMIT = {"util.py": {"MAX_ID"},  # the database's largest integer: a bound on ids, not on people
               "reports/themes.py": {"MAX_THEMES", "MAX_WORDS"},  # how the report summarises
               "reports/content.py": {"MAX_BUCKETS"},  # the timeline chart's resolution
               "dreams/queries.py": {"PHONE_WALL_LIMIT"}}  # how many clouds a phone draws, newest first


def test_every_limit_lives_in_limits_py():
    """issue #29: limits were defined across the features; a person's limits live in facilitation/limits.py."""
    found = []
    for path in sorted(Path(ROOT, "facilitation").rglob("*.py")):
        name = str(path.relative_to(Path(ROOT, "facilitation")))
        if name == "limits.py" or "migrations" in name:
            continue
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                target = node.targets[0].id
                if (target.startswith("MAX_") or target.endswith(("_LIMIT", "_BUDGET"))) \
                        and target not in NOT_A_LIMIT.get(name, ()):
                    found.append(f"{name}: {target}")
    assert found == []


READS = ("db.select(", "db.session.get(", "db.session.scalar(", "db.session.scalars(", "db.session.execute(",
         "db.first_or_404(", "db.get_or_404(", ".query.")


def test_routes_pushes_and_socket_handlers_read_through_queries():
    """issue #29: reads live in each package's queries.py (12 were written out in routes, pushes and sockets)."""
    found = []
    for path in sorted(Path(ROOT, "facilitation").rglob("*.py")):
        if path.name in ("routes.py", "pushes.py", "console.py", "sockets.py"):
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if any(read in line for read in READS):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_layers_only_look_down():
    wrong = []
    for path, top, tree in _modules():
        for imported in _imported_tops(path, tree):
            if top in FOUNDATIONS and imported in FEATURES | SHELLS:
                wrong.append(f"{path.relative_to(PACKAGE)} (a foundation) imports {imported}")
            if top in FEATURES and imported in SHELLS:
                wrong.append(f"{path.relative_to(PACKAGE)} (a feature) imports the shell {imported}")
    assert wrong == []


def test_features_only_use_the_floors_below_their_own():
    """issue #29: nine features reached each other in one cycle (42 imports); each now stands on a floor."""
    floor = {feature: number for number, features in enumerate(FEATURE_FLOORS) for feature in features}
    wrong = []
    for path, top, tree in _modules():
        for imported in _imported_tops(path, tree):
            if top in FEATURES and imported in FEATURES and imported != top and floor[imported] >= floor[top]:
                wrong.append(f"{path.relative_to(PACKAGE)} (floor {floor[top]}) imports {imported} "
                             f"(floor {floor[imported]})")
    assert wrong == []


def test_the_architecture_page_draws_the_floors_the_test_keeps():
    """issue #29 item 6: docs/architecture.md's diagram names each feature on the floor FEATURE_FLOORS gives it."""
    drawn, floor = {}, None
    for line in Path(ROOT, "docs", "architecture.md").read_text().splitlines():
        if (found := re.search(r"│ (\d)  ", line)) is not None:  # "│ 4  moderation ...": a floor begins
            floor = int(found.group(1))
            drawn[floor] = set()
        elif floor is None or not re.search(r"│ {4}\S", line):  # "│    harvest page)": the floor goes on
            continue
        drawn[floor] |= set(re.findall(r"[a-z]+", line)) & FEATURES
    assert drawn == dict(enumerate(FEATURE_FLOORS))


def test_no_two_packages_import_each_other_even_by_a_detour():
    """Each top-level package is one node: the import graph has no cycle (flood and events had one)."""
    graph = {}
    for path, top, tree in _modules():
        graph.setdefault(top, set()).update(imported for imported in _imported_tops(path, tree)
                                            if imported not in (top, "translations"))
    cycles, done = [], set()

    def visit(node, trail):
        if node in trail:
            cycles.append(" -> ".join(trail[trail.index(node):] + [node]))
            return
        if node in done:
            return
        for following in sorted(graph.get(node, ())):
            visit(following, trail + [node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])
    assert cycles == []


def test_no_function_is_more_complex_than_c():
    """issue #29: radon's grade D starts at 21 paths through a function. Split by the meeting's own steps (the
    big screen's views, the report's sheets, the screening's rules), not by line count."""
    from radon.complexity import cc_visit  # late: only this test needs radon

    found = [f"{path.relative_to(PACKAGE)}:{block.lineno} {block.name} ({block.complexity})"
             for path in sorted(PACKAGE.rglob("*.py")) if "migrations" not in path.parts
             for block in cc_visit(path.read_text()) if block.complexity > 20]
    assert found == []


#: what opens an event (and refuses) in access.py: routes use its decorators (access.of_guest, of_facilitator ...)
OPENINGS = ("event_by_code", "facilitated_event", "translated_event", "owned_event", "projected_event",
            "participant_or_join", "participant_or_403", "event_or_404", "open_link")


def test_routes_open_an_event_through_one_decorator_per_role():
    """issue #29: 103 access openings were written out in routes; each role has one decorator in events/access.py
    that loads the event and refuses in one place. The few left (a secret link, a code typed by hand, a
    neighbour's phone) are at most ten."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in ("routes.py", "console.py", "harvest.py") or path.parent.name in ("facilitator", "organiser"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                        and getattr(node.func.value, "id", "") == "access" and node.func.attr in OPENINGS:
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.func.attr}")
    assert len(found) <= 10, found


def test_every_form_writes_its_csrf_token_through_one_macro():
    """issue #29: 56 CSRF inputs were written out by hand; `csrf_field` in templates/_macros.html writes them."""
    found = [str(path.relative_to(ROOT)) for path in sorted(Path(ROOT, "templates").rglob("*.html"))
             if path.name != "_macros.html" and 'name="csrf_token"' in path.read_text()]
    assert found == []


def test_posted_fields_are_read_through_flask_wtf_forms():
    """issue #29: 46 fields were read by hand from `request.form` (56 reads); each form is a class in its
    feature's forms.py now. A read left by hand (fields named after ids, as many as there are tables or
    matches) says why in the comment above it, and there are at most five."""
    found, unexplained = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = path.read_text().splitlines()
        for number, line in enumerate(lines):
            code = line.split("#")[0]
            if re.search(r"request\.(form|values)\b", code):
                found.append(f"{path.relative_to(PACKAGE)}:{number + 1}")
                comment = "\n".join(lines[max(0, number - 3):number])
                if "read by hand:" not in comment:
                    unexplained.append(found[-1])
    templates = [str(path.relative_to(ROOT)) for path in sorted(Path(ROOT, "templates").rglob("*.html"))
                 if re.search(r"request\.(form|values)\b", path.read_text())]
    assert len(found) <= 5 and unexplained == [] and templates == [], (found, unexplained, templates)


def test_no_route_commits_or_emits_by_hand():
    """Routes and console actions go through actions.act: it commits once, then sends what was queued."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name not in ("routes.py", "console.py", "sockets.py") and path.parent.name != "facilitator":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                if name in ("commit", "rollback", "emit", "send_queued", "close_room"):
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {name}")
    assert offenders == []


def test_no_function_local_imports_without_a_reason():
    """Imports sit at the top of a module; the only ones inside functions are there to break a cycle
    (and say so) or to load something heavy late."""
    found = []
    for path, _, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(node):
                    if isinstance(inner, (ast.Import, ast.ImportFrom)):
                        line = path.read_text().splitlines()[inner.lineno - 1]
                        if "# late:" not in line:
                            found.append(f"{path.relative_to(PACKAGE)}:{inner.lineno}")
    assert found == []


def test_the_docs_cite_files_and_tests_that_exist():
    """issue #29: project docs cited files that are not in the repository. Every `path` and `path::test` in the
    README and docs/ names something that is there (bench/results/ is written by `make bench`)."""
    cited = re.compile(r"`((?:facilitation|tests|templates|static|bench|docs|deploy|migrations)/[^`\s:<>*…]+?)"
                       r"(?:::(test_\w+))?`")
    missing = []
    for doc in [Path(ROOT, "README.md"), *sorted(Path(ROOT, "docs").glob("*.md"))]:
        for path, test in cited.findall(doc.read_text()):
            path = path.rstrip("/.,")
            target = Path(ROOT, path)
            if path.startswith("bench/results/"):
                continue
            if not target.exists():
                missing.append(f"{doc.name}: {path}")
            elif test and not re.search(rf"def {test}\b", target.read_text()):
                missing.append(f"{doc.name}: {path}::{test}")
    assert missing == []



def test_no_migration_imports_application_code():
    """A migration is a snapshot of the schema and the data rules of its day: importing the app's code would make
    an old migration run today's rules (issue #29; 8e2b6c41d9a7 imported the market's stemming rule)."""
    found = []
    for path in sorted(Path(ROOT, "migrations", "versions").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            found += [f"{path.name}: {name}" for name in names if name.split(".")[0] == "facilitation"]
    assert found == []
