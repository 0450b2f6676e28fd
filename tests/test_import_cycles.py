"""No import cycles among the modules of kiosk/ and turnos/.

A cycle ties two modules that should be separable, and makes a module's behaviour depend on
which side happens to be imported first (a name not yet defined, a half-initialised module).
An import moved into a function only hides a cycle from Python, not from the design, so it
counts too. The graph is read from the source with `ast`, without importing anything:

- every import statement counts: at module level, inside `if`/`try`/`with` blocks, class
  bodies and functions (a function-level one is marked "in a function" in the report);
- imports under `if TYPE_CHECKING:` never run and serve only annotations, so they do not count
  (their `else:` does);
- `from package import name` counts as importing `package.name` when that is a module of ours,
  otherwise as importing `package`.

Run it as a script (`python tests/test_import_cycles.py [prefix]`) to print the cycles, after
the imports of the modules under a prefix such as `kiosk.backend`.
"""

from __future__ import annotations

import ast
import itertools
import sys
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kiosk", "turnos")


@dataclass(frozen=True)
class Module:
    name: str
    path: Path

    @property
    def package(self) -> str:
        """The package relative imports start from."""
        return self.name if self.path.name == "__init__.py" else self.name.rpartition(".")[0]


@dataclass(frozen=True)
class Edge:
    line: int
    in_function: bool  # the import runs when the function is called, not on import


#: module -> {imported module: where it is imported (at module level if anywhere)}
Graph = dict[str, dict[str, Edge]]


def find_modules(root: Path, packages: Sequence[str]) -> dict[str, Module]:
    modules = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            name = ".".join(parts)
            modules[name] = Module(name, path)
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _imports(
    body: Sequence[ast.stmt], in_function: bool = False
) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import statement outside `if TYPE_CHECKING:`, and whether it is in a function."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, in_function
        elif isinstance(node, ast.If) and _is_type_checking(node.test):
            yield from _imports(node.orelse, in_function)
        else:
            inner = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                for child in getattr(node, field, None) or ():
                    # except handlers and match cases hold their statements one level down
                    held = isinstance(child, ast.excepthandler | ast.match_case)
                    yield from _imports(child.body if held else [child], inner)


def _ours(name: str, modules: dict[str, Module]) -> str | None:
    """The module of ours that importing `name` loads (the longest known prefix)."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def _targets(
    node: ast.Import | ast.ImportFrom, module: Module, modules: dict[str, Module]
) -> Iterator[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            target = _ours(alias.name, modules)
            if target:
                yield target
        return
    base = node.module or ""
    if node.level:
        package = module.package.split(".")
        anchor = ".".join(package[: len(package) - (node.level - 1)])
        base = f"{anchor}.{base}" if base else anchor
    for alias in node.names:
        target = _ours(f"{base}.{alias.name}", modules) if alias.name != "*" else None
        if target != f"{base}.{alias.name}":
            target = _ours(base, modules)
        if target:
            yield target


def import_graph(
    root: Path = ROOT, packages: Sequence[str] = PACKAGES
) -> tuple[Graph, dict[str, Module]]:
    modules = find_modules(root, packages)
    graph: Graph = {}
    for module in modules.values():
        tree = ast.parse(module.path.read_text(encoding="utf-8"), str(module.path))
        edges: dict[str, Edge] = {}
        for node, in_function in _imports(tree.body):
            for target in _targets(node, module, modules):
                known = edges.get(target)
                if target != module.name and (known is None or known.in_function > in_function):
                    edges[target] = Edge(node.lineno, in_function)
        graph[module.name] = edges
    return graph, modules


def strongly_connected(graph: Graph) -> list[list[str]]:
    """Tarjan's components with more than one module, each sorted, in sorted order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def shortest_cycle(graph: Graph, component: Sequence[str]) -> list[str]:
    """A shortest cycle through the component's first module, staying inside the component."""
    start, members = component[0], set(component)
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(graph[node]):
            if nxt not in members:
                continue
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if nxt not in came_from:
                came_from[nxt] = node
                queue.append(nxt)
    raise AssertionError(f"{start} is in no cycle of its component")


def describe_cycles(graph: Graph, modules: dict[str, Module], root: Path = ROOT) -> list[str]:
    """One line per cycle: the modules in import order, then where each import is."""
    lines = []
    for component in strongly_connected(graph):
        cycle = shortest_cycle(graph, component)
        where = ", ".join(
            _where(modules[a], graph[a][b], root) for a, b in itertools.pairwise(cycle)
        )
        line = f"{' -> '.join(cycle)}  ({where})"
        if len(component) > len(cycle) - 1:
            line += f"; the tangle also holds {', '.join(m for m in component if m not in cycle)}"
        lines.append(line)
    return lines


def _where(module: Module, edge: Edge, root: Path) -> str:
    where = f"{module.path.relative_to(root)}:{edge.line}"
    return f"{where} in a function" if edge.in_function else where


def test_no_import_cycles_in_kiosk_and_turnos() -> None:
    graph, modules = import_graph()
    assert len(modules) > 50  # the walk found the packages
    cycles = describe_cycles(graph, modules)
    assert not cycles, f"{len(cycles)} import cycle(s):\n" + "\n".join(cycles)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_the_detector_finds_every_cycle_and_ignores_type_checking(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            # a <-> b: one side through a relative `from . import`, one under a plain `if`.
            "pkg/a.py": "from . import b\n",
            "pkg/b.py": "import os\n\nif os.name:\n    from pkg.a import thing\n",
            # c -> d only under TYPE_CHECKING, d -> c at module level: no cycle.
            "pkg/c.py": "import typing\nif typing.TYPE_CHECKING:\n    from pkg import d\n",
            "pkg/d.py": "import pkg.c\n",
            # e -> f inside a function (also at module level, which wins), f -> e in a method.
            "pkg/e.py": "def later():\n    from pkg import f\n\nimport pkg.f\n",
            "pkg/f.py": "class F:\n    def run(self):\n        from pkg.e import later\n",
            # g -> h -> i -> g, in a try block and an except handler: one cycle of three.
            "pkg/sub/__init__.py": "",
            "pkg/sub/g.py": "try:\n    from ..sub import h\nexcept ImportError:\n    pass\n",
            "pkg/sub/h.py": "try:\n    pass\nexcept ImportError:\n    from pkg.sub.i import x\n",
            "pkg/sub/i.py": "from pkg.sub import g as again\n",
        },
    )
    graph, modules = import_graph(tmp_path, ["pkg"])
    assert graph["pkg.c"] == {}
    assert graph["pkg.e"] == {"pkg.f": Edge(4, in_function=False)}
    assert describe_cycles(graph, modules, tmp_path) == [
        "pkg.a -> pkg.b -> pkg.a  (pkg/a.py:1, pkg/b.py:4)",
        "pkg.e -> pkg.f -> pkg.e  (pkg/e.py:4, pkg/f.py:3 in a function)",
        "pkg.sub.g -> pkg.sub.h -> pkg.sub.i -> pkg.sub.g  "
        "(pkg/sub/g.py:2, pkg/sub/h.py:4, pkg/sub/i.py:1)",
    ]


def main(argv: Sequence[str]) -> int:
    graph, modules = import_graph()
    if argv:
        for name in sorted(n for n in graph if n == argv[0] or n.startswith(argv[0] + ".")):
            imports = [
                f"{target}{' (in a function)' if edge.in_function else ''}"
                for target, edge in sorted(graph[name].items())
            ]
            print(name, "->", ", ".join(imports) or "(nothing of ours)")
    cycles = describe_cycles(graph, modules)
    print("\n".join(cycles) if cycles else "no import cycles")
    return 1 if cycles else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
