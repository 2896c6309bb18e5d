"""Import cycles among the project's own modules (home, search, wiki), found from the source.

Every import counts, also those inside functions: a lazy import only hides a cycle from
the interpreter, not from the reader. Prints each cycle (strongly connected component) and
exits 1 when there is one, or when wiki imports search. Usage: python scripts/import_cycles.py
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("home", "search", "wiki")


def modules():
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def imports(name, path, known):
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _resolve(alias.name, known)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                candidate = f"{module}.{alias.name}"
                if candidate in known:
                    yield candidate
                else:
                    yield from _resolve(module, known)


def _resolve(module, known):
    while module and module not in known:
        module = module.rpartition(".")[0]
    if module:
        yield module


def cycles(graph):
    index, low, stack, on_stack, result, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                result.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in graph:
        if node not in index:
            visit(node)
    return result


def main():
    known = modules()
    graph = {name: sorted({t for t in imports(name, path, known) if t != name}) for name, path in known.items()}
    found = cycles(graph)
    wiki_to_search = sorted(
        f"{m} -> {t}" for m, targets in graph.items() if m.startswith("wiki") for t in targets if t.startswith("search")
    )
    for component in found:
        print("cycle:", " ".join(component))
    for edge in wiki_to_search:
        print("wiki imports search:", edge)
    print(f"{len(known)} modules, {sum(map(len, graph.values()))} imports, {len(found)} cycles")
    return 1 if found or wiki_to_search else 0


if __name__ == "__main__":
    sys.exit(main())
